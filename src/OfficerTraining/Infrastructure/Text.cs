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
        if (HasControlCharacter(trimmed)) throw new DomainException("Field.ControlCharacter", Messages.Format("Field." + field));
        return trimmed;
    }

    /// <summary>Invisible characters no person types: C0 controls but tab and line breaks, DEL and C1 controls. U+0000
    /// in particular cannot be stored in PostgreSQL's jsonb at all; ESC sequences would repaint a terminal reading logs.</summary>
    public static bool HasControlCharacter(string? value) =>
        value is not null && value.Any(c => c is (< ' ' and not ('\t' or '\n' or '\r')) or >= '\u007F' and <= '\u009F');
}
