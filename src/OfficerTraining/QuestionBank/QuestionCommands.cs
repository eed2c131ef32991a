using Marten;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.QuestionBank;

/// <summary>Handles question commands: trainers (and administrators) write and retire, reviewers approve or reject.</summary>
public sealed class QuestionCommands(IDocumentStore store, LawLibrary laws)
{
    /// <param name="expectedVersion">The version the editor showed: a save over someone else's newer save is refused.</param>
    public async Task<Guid> Handle(SaveQuestion c, Actor actor, long? expectedVersion = null, CancellationToken ct = default)
    {
        actor.Require(Roles.Trainer, Roles.Administrator);
        var id = Question.StreamIdFor(QuestionDecider.CheckCode(c.Code));
        await using var session = store.OpenSession(actor);
        if (await session.LoadAsync<Question>(id, ct) is null)
        {
            session.Events.StartStream<Question>(id, QuestionDecider.Decide(c, null, actor.UserName));
            await session.SaveChangesTranslated(ct, uniqueViolationKey: "Question.CodeTaken");
        }
        else await session.DecideAndSave<Question>(id, expectedVersion, q => QuestionDecider.Decide(c, q, actor.UserName), ct);
        return id;
    }

    /// <summary>Decides and stages a save in <paramref name="session"/> without saving: the importer stages a whole file
    /// this way and saves it in one transaction, or not at all.</summary>
    internal static void Stage(IDocumentSession session, SaveQuestion c, Question? existing, Actor actor)
    {
        var events = QuestionDecider.Decide(c, existing, actor.UserName);
        if (events.Length == 0) return;
        if (existing is null) session.Events.StartStream<Question>(Question.StreamIdFor(c.Code), events);
        else session.Events.Append(existing.Id, events);
    }

    public Task Handle(SubmitQuestion c, Actor actor, CancellationToken ct = default) =>
        Decide(c.Code, actor, [Roles.Trainer, Roles.Administrator], q => QuestionDecider.Decide(c, q, laws), ct);

    public Task Handle(ApproveQuestion c, Actor actor, CancellationToken ct = default) =>
        Decide(c.Code, actor, [Roles.Reviewer], q => QuestionDecider.Decide(c, q, actor.UserName), ct);

    public Task Handle(RejectQuestion c, Actor actor, CancellationToken ct = default) =>
        Decide(c.Code, actor, [Roles.Reviewer], q => QuestionDecider.Decide(c, q, actor.UserName), ct);

    public Task Handle(RetireQuestion c, Actor actor, CancellationToken ct = default) =>
        Decide(c.Code, actor, [Roles.Trainer, Roles.Administrator], q => QuestionDecider.Decide(c, q), ct);

    async Task Decide(string code, Actor actor, string[] roles, Func<Question, object[]> decide, CancellationToken ct)
    {
        actor.Require(roles);
        await using var session = store.OpenSession(actor);
        await session.DecideAndSave(Question.StreamIdFor(QuestionDecider.CheckCode(code)), null, decide, ct);
    }
}
