using System.Security.Cryptography;
using System.Text;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using OfficerTraining.Infrastructure;
using OfficerTraining.Training;

namespace OfficerTraining.Settings;

/// <summary>The [default] rules of domain.md that can change by year: an administrator sets them from a year on.</summary>
public sealed record Policy(
    decimal RequiredClassHours,
    int MinutesPerClassHour,
    int CertificateValidityYears,
    string CertificateNumberPattern,
    int RevocationBanYears,
    decimal ExamPassMark,
    int AttemptsAllowed,
    CreditMode CourseCredit = CreditMode.ActiveMinutes,
    int QualificationValidityYears = 3)
{
    /// <summary>The defaults of domain.md, in force for every year no administrator has set.</summary>
    public static Policy Defaults { get; } = new(60m, 45, 5, "豫{agency}{year}{serial:D5}", 2, 60m, 1, CreditMode.ActiveMinutes, 3);
}

/// <summary>The policy in force from <paramref name="FromYear"/> on (until a later year is set). Who set it is in the
/// event's metadata.</summary>
public sealed record PolicySet(int FromYear, Policy Policy, string Reason);

/// <summary>The one settings stream as an inline snapshot: the policy set from each year on.</summary>
public sealed record PolicySettings(Guid Id, IReadOnlyDictionary<int, Policy> ByYear)
{
    /// <summary>The settings stream's fixed id, derived from its name.</summary>
    public static Guid StreamId { get; } =
        new(MD5.HashData(Encoding.UTF8.GetBytes("OfficerTraining.Settings.PolicySettings")));

    public static PolicySettings Empty { get; } = new(StreamId, new Dictionary<int, Policy>());

    public long Version { get; init; }

    /// <summary>The policy of the greatest FromYear not after <paramref name="year"/>; the defaults when there is none.</summary>
    public Policy For(int year) =>
        ByYear.Where(e => e.Key <= year).OrderByDescending(e => e.Key).Select(e => e.Value).FirstOrDefault()
        ?? Policy.Defaults;

    public static PolicySettings Create(IEvent<PolicySet> e) => Empty.Apply(e.Data) with { Id = e.StreamId };

    public static PolicySettings Apply(PolicySet e, PolicySettings s) => s.Apply(e);

    PolicySettings Apply(PolicySet e) =>
        this with { ByYear = new Dictionary<int, Policy>(ByYear) { [e.FromYear] = e.Policy } };
}

public sealed record SetPolicy(int FromYear, Policy Policy, string Reason);

/// <summary>The pure checks of a policy change.</summary>
public static class PolicyRules
{
    public const int FirstYear = 2000, LastYear = 2100;

    /// <summary>Every problem of the command, in the user's language; empty when it may be recorded.</summary>
    public static IReadOnlyList<string> Problems(SetPolicy c)
    {
        var problems = new List<string>();
        void Range(decimal value, decimal min, decimal max, string field)
        {
            if (value < min || value > max)
                problems.Add(Messages.Format("Settings.OutOfRange", Messages.Format("Field." + field), min, max));
        }
        Range(c.FromYear, FirstYear, LastYear, "FromYear");
        var p = c.Policy;
        Range(p.RequiredClassHours, 1, 200, "RequiredClassHours");
        Range(p.MinutesPerClassHour, 30, 60, "MinutesPerClassHour");
        Range(p.CertificateValidityYears, 1, 10, "CertificateValidityYears");
        if (p.CertificateNumberPattern?.Contains("{serial", StringComparison.Ordinal) != true)
            problems.Add(Messages.Format("Settings.PatternNeedsSerial"));
        Range(p.RevocationBanYears, 0, 10, "RevocationBanYears");
        Range(p.ExamPassMark, 0, 100, "ExamPassMark");
        Range(p.AttemptsAllowed, 1, 5, "AttemptsAllowed");
        Range(p.QualificationValidityYears, 1, 10, "QualificationValidityYears");
        if (!Enum.IsDefined(p.CourseCredit)) problems.Add(Messages.Format("Field.Required", Messages.Format("Field.CourseCredit")));
        if (string.IsNullOrWhiteSpace(c.Reason))
            problems.Add(Messages.Format("Field.Required", Messages.Format("Field.Reason")));
        return problems;
    }

    /// <summary>The events of a policy change, or a refusal listing every problem.</summary>
    public static object[] Decide(SetPolicy c)
    {
        if (Problems(c) is { Count: > 0 } problems)
            throw new DomainException("Settings.Invalid", string.Join("；", problems));
        return [new PolicySet(c.FromYear, c.Policy with { CertificateNumberPattern = c.Policy.CertificateNumberPattern.Trim() },
            Text.Required(c.Reason, "Reason"))];
    }
}

/// <summary>Only an administrator changes the settings.</summary>
public sealed class SettingsCommands(IDocumentStore store)
{
    public async Task Handle(SetPolicy c, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Administrator);
        var events = PolicyRules.Decide(c);
        await using var session = store.OpenSession(actor);
        if (await session.LoadAsync<PolicySettings>(PolicySettings.StreamId, ct) is null)
        {
            session.Events.StartStream<PolicySettings>(PolicySettings.StreamId, events);
            await session.SaveChangesTranslated(ct);
        }
        else await session.DecideAndSave<PolicySettings>(PolicySettings.StreamId, null, _ => events, ct);
    }
}

/// <summary>What the rest of the system asks: the policy in force in a year.</summary>
public sealed class PolicyReader(IDocumentStore store)
{
    public async Task<PolicySettings> All(CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<PolicySettings>(PolicySettings.StreamId, ct) ?? PolicySettings.Empty;
    }

    public async Task<Policy> For(int year, CancellationToken ct = default) => (await All(ct)).For(year);
}

public static class SettingsConfiguration
{
    public static StoreOptions ConfigureSettings(this StoreOptions opts)
    {
        opts.Projections.Snapshot<PolicySettings>(SnapshotLifecycle.Inline);
        return opts;
    }

    public static IServiceCollection AddSettings(this IServiceCollection services) =>
        services.AddSingleton<SettingsCommands>().AddSingleton<PolicyReader>();
}
