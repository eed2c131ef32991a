namespace OfficerTraining.Infrastructure;

/// <summary>The six roles of domain.md. Names are stored in accounts and claims: never rename one.</summary>
public static class Roles
{
    public const string Officer = "Officer";
    public const string Trainer = "Trainer";
    public const string Reviewer = "Reviewer";
    public const string CertificateOfficer = "CertificateOfficer";
    public const string Supervisor = "Supervisor";
    public const string Administrator = "Administrator";

    public static readonly IReadOnlyList<string> All =
        [Officer, Trainer, Reviewer, CertificateOfficer, Supervisor, Administrator];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}

/// <summary>Who is giving a command. Handlers check it before they load anything, so a page or endpoint that forgot
/// its own check still cannot change data. <see cref="OfficerId"/> is the officer record an Officer account is linked to.</summary>
public sealed record Actor(string UserName, IReadOnlyCollection<string> Roles, Guid? OfficerId = null)
{
    /// <summary>Used by the command line and by first-start seeding, which run with the operator's authority.</summary>
    public static Actor System { get; } = new("system", [Infrastructure.Roles.Administrator]);

    public bool IsIn(string role) => Roles.Contains(role, StringComparer.Ordinal);

    public void Require(params string[] anyOf)
    {
        if (!anyOf.Any(IsIn))
            throw new DomainException("NotAllowed", UserName, string.Join(", ", anyOf));
    }
}
