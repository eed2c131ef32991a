using Marten;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.Exams;

public sealed record ExamBlueprintSaved(Guid BlueprintId, Blueprint Blueprint, string Reason);

public sealed record ExamBlueprintArchived(Guid BlueprintId, string Reason);

/// <summary>A blueprint in the trainers' library (an inline snapshot). A session copies the blueprint it is scheduled
/// with, so later edits here never change a scheduled paper.</summary>
public sealed record SavedBlueprint(Guid Id, Blueprint Blueprint, bool Archived, DateTimeOffset ChangedAt)
{
    public long Version { get; init; }

    public static SavedBlueprint Create(JasperFx.Events.IEvent<ExamBlueprintSaved> e) => new(e.Data.BlueprintId, e.Data.Blueprint, false, e.Timestamp);

    public static SavedBlueprint Apply(JasperFx.Events.IEvent<ExamBlueprintSaved> e, SavedBlueprint b) =>
        b with { Blueprint = e.Data.Blueprint, ChangedAt = e.Timestamp };

    public static SavedBlueprint Apply(ExamBlueprintArchived e, SavedBlueprint b) => b with { Archived = true };
}

public sealed record SaveBlueprint(Guid BlueprintId, Blueprint Blueprint, string Reason);

public sealed record ArchiveBlueprint(Guid BlueprintId, string Reason);

/// <summary>Trainers keep blueprints here: saved (checked against the rules, not yet against the bank — the
/// feasibility check runs when a session is scheduled and on the builder page), and archived.</summary>
public sealed class BlueprintCommands(IDocumentStore store)
{
    public async Task Handle(SaveBlueprint c, Actor actor, long? expectedVersion = null, CancellationToken ct = default)
    {
        actor.Require(Roles.Trainer, Roles.Administrator);
        if (BlueprintRules.Problems(c.Blueprint) is { Count: > 0 } problems)
            throw new DomainException("Blueprint.Invalid", string.Join("；", problems));
        await using var session = store.OpenSession(actor);
        if (await session.LoadAsync<SavedBlueprint>(c.BlueprintId, ct) is null)
        {
            session.Events.StartStream<SavedBlueprint>(c.BlueprintId, new ExamBlueprintSaved(c.BlueprintId, c.Blueprint, c.Reason));
            await session.SaveChangesTranslated(ct);
        }
        else await session.DecideAndSave<SavedBlueprint>(c.BlueprintId, expectedVersion, b => b.Archived
            ? throw new DomainException("Blueprint.Archived", b.Blueprint.Name)
            : Same(b.Blueprint, c.Blueprint) ? [] : [new ExamBlueprintSaved(c.BlueprintId, c.Blueprint, Text.Required(c.Reason, "Reason"))], ct);
    }

    // Records compare their lists by reference; blueprints compare by what they say.
    static bool Same(Blueprint a, Blueprint b) =>
        System.Text.Json.JsonSerializer.Serialize(a) == System.Text.Json.JsonSerializer.Serialize(b);

    public async Task Handle(ArchiveBlueprint c, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Trainer, Roles.Administrator);
        await using var session = store.OpenSession(actor);
        await session.DecideAndSave<SavedBlueprint>(c.BlueprintId, null,
            b => b.Archived ? [] : [new ExamBlueprintArchived(c.BlueprintId, Text.Required(c.Reason, "Reason"))], ct);
    }
}
