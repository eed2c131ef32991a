namespace OfficerTraining.Infrastructure;

/// <summary>Checks on text fields that every decider shares.</summary>
public static class Text
{
    /// <param name="field">A Messages key naming the field, e.g. "Agency.Name".</param>
    public static string Required(string? value, string field, int maxLength = 500)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0) throw new DomainException("Field.Required", Messages.Format("Field." + field));
        if (trimmed.Length > maxLength)
            throw new DomainException("Field.TooLong", Messages.Format("Field." + field), maxLength);
        return trimmed;
    }
}
