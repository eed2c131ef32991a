namespace OfficerTraining.Infrastructure;

/// <summary>One problem found in an imported file: where it is and what is wrong, in the current UI culture.</summary>
public sealed record ImportError(string File, int Line, string Field, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Field}: {Message}";
}
