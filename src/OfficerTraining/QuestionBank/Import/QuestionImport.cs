using Marten;
using OfficerTraining.Accounts;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.QuestionBank.Import;

/// <summary>What an import did, or would do on a dry run.</summary>
public sealed record QuestionImportReport(
    int Created, int Revised, int Unchanged, int Approved, IReadOnlyList<RefusedQuestion> Refused,
    IReadOnlyList<ImportError> Errors, bool Saved)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Imports what a reader parsed, all or nothing: new codes become drafts, changed ones new draft versions, unchanged ones
/// nothing (so importing a file twice changes nothing). With <c>approveAs</c> an administrator records that the named
/// reviewer approved the imported versions, e.g. for a bank reviewed outside the system; that reviewer must not be the
/// author of the version.
/// </summary>
public sealed class QuestionImport(IDocumentStore store, LawLibrary laws)
{
    public async Task<QuestionImportReport> Run(
        ParsedBank parsed, Actor actor, bool dryRun = false, string? approveAs = null, CancellationToken ct = default)
    {
        actor.Require(approveAs is null ? [Roles.Trainer, Roles.Administrator] : [Roles.Administrator]);
        var errors = parsed.Errors.ToList();
        await using var session = store.OpenSession(actor);
        if (approveAs is not null) await CheckReviewer(session, approveAs, ct);

        var ids = parsed.Questions.Select(q => Question.StreamIdFor(q.Code)).Distinct().ToArray();
        var existing = (await session.LoadManyAsync<Question>(ct, ids)).ToDictionary(q => q.Id);
        var (created, revised, unchanged, approved) = (0, 0, 0, 0);
        foreach (var p in parsed.Questions)
        {
            existing.TryGetValue(Question.StreamIdFor(p.Code), out var before);
            try
            {
                var saved = QuestionDecider.Decide(new SaveQuestion(p.Code, p.Content, p.File, "import"), before, actor.UserName);
                var (version, author, status) = saved.Length == 0
                    ? (before!.CurrentVersion, before.Author, before.Status)
                    : (saved[0] is QuestionRevised r ? r.Version : 1, actor.UserName, QuestionStatus.Draft);
                var events = saved.ToList();
                if (approveAs is not null && !(status == QuestionStatus.Approved && before?.ApprovedVersion == version))
                    events.AddRange(Approval(p, version, author, approveAs));
                if (events.Count == 0) { unchanged++; continue; }
                if (before is null) session.Events.StartStream<Question>(Question.StreamIdFor(p.Code), events);
                else session.Events.Append(before.Id, events);
                if (saved.Length > 0 && before is null) created++;
                else if (saved.Length > 0) revised++;
                if (approveAs is not null && events.OfType<QuestionApproved>().Any()) approved++;
            }
            catch (DomainException e)
            {
                errors.Add(new ImportError(p.File, p.Line, p.Code, e.Message));
            }
        }
        if (errors.Count > 0) return new(0, 0, 0, 0, parsed.Refused, errors, Saved: false);
        if (!dryRun) await session.SaveChangesTranslated(ct);
        return new(created, revised, unchanged, approved, parsed.Refused, [], Saved: !dryRun);
    }

    object[] Approval(ParsedQuestion p, int version, string author, string reviewer)
    {
        if (string.Equals(author, reviewer, StringComparison.OrdinalIgnoreCase)) throw new DomainException("Question.OwnVersion", p.Code);
        if (QuestionRules.Completeness(p.Content, laws) is { Count: > 0 } problems)
            throw new DomainException("Question.Incomplete", p.Code, string.Join("；", problems.Select(x => $"{x.Field}: {x.Message}")));
        var id = Question.StreamIdFor(p.Code);
        return [new QuestionSubmittedForReview(id, version), new QuestionApproved(id, version, reviewer)];
    }

    static async Task CheckReviewer(IQuerySession session, string userName, CancellationToken ct)
    {
        var normalized = userName.Trim().ToUpperInvariant();
        var account = await session.Query<Account>().FirstOrDefaultAsync(a => a.NormalizedUserName == normalized, ct);
        if (account is null || account.Disabled || !account.Roles.Contains(Roles.Reviewer))
            throw new DomainException("Question.NotAReviewer", userName);
    }
}
