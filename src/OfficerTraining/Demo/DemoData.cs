using System.Diagnostics;
using Marten;
using OfficerTraining.Accounts;
using OfficerTraining.Agencies;
using OfficerTraining.Courses;
using OfficerTraining.Infrastructure;
using OfficerTraining.Officers;
using OfficerTraining.QuestionBank;
using OfficerTraining.QuestionBank.Import;

namespace OfficerTraining.Demo;

/// <summary>What seeding did: nothing (the database already had agencies), or what it created.</summary>
public sealed record DemoDataSummary(
    bool AlreadySeeded, int Agencies, int Officers, IReadOnlyList<string> Accounts, int ApprovedQuestions, int Courses,
    TimeSpan Elapsed, DemoHistorySummary? History = null)
{
    public static DemoDataSummary NothingDone { get; } = new(true, 0, 0, [], 0, 0, TimeSpan.Zero);

    public override string ToString() => AlreadySeeded
        ? "Already seeded: the database has agencies, nothing was changed."
        : $"{Agencies} agencies, {Officers} officers, the accounts {string.Join(", ", Accounts)} " +
          $"(password {DemoCity.Password}) {ApprovedQuestions} approved questions and {Courses} published courses" +
          (History is null ? "" : $"; {History};") + $" created in {Elapsed.TotalSeconds:0.0} s.";
}

/// <summary>
/// Writes the demo city (<see cref="DemoCity"/>) into an empty database through the ordinary command handlers, as the
/// system actor, so every agency, officer and account has its events and history like any other; then the shipped question
/// bank, recorded as approved by the demo reviewer, and the starter courses, published by the demo trainer; last, the
/// city's past (<see cref="DemoHistory"/>). Scoped: account commands go through Identity's UserManager.
/// </summary>
public sealed class DemoData(
    IDocumentStore store, AgencyCommands agencies, OfficerCommands officers, AccountCommands accounts, QuestionImport questions,
    CourseCommands courses, DemoHistory history)
{
    /// <summary>True when the database has any agency: demo data is only ever written into an empty city.</summary>
    public async Task<bool> IsSeeded(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.Query<Agency>().AnyAsync(ct);
    }

    public async Task<DemoDataSummary> Seed(int seed = DemoCity.DefaultSeed, CancellationToken ct = default)
    {
        if (await IsSeeded(ct)) return DemoDataSummary.NothingDone;
        var started = Stopwatch.GetTimestamp();
        var plan = DemoCity.Generate(seed);

        foreach (var agency in plan.Agencies) await agencies.Handle(agency, Actor.System, ct);

        // All officers in one transaction: the agencies are read once instead of once per officer, and no ID number
        // can be taken yet (there were no agencies, so no officers); the unique index still guards a concurrent seed.
        await using (var session = store.OpenSession(Actor.System))
        {
            var byId = (await session.LoadManyAsync<Agency>(ct, plan.Agencies.Select(a => a.AgencyId))).ToDictionary(a => a.Id);
            foreach (var officer in plan.Officers)
                officers.Register(session, officer, new(byId.GetValueOrDefault(officer.AgencyId), NationalIdTaken: false));
            await session.SaveChangesTranslated(ct, uniqueViolationKey: "Officer.NationalIdTakenConcurrently");
        }

        var created = new List<string>();
        foreach (var account in plan.Accounts)
        {
            if (await UserNameTaken(account.UserName, ct)) continue; // e.g. an administrator made before seeding
            await accounts.Handle(new CreateAccount(Guid.CreateVersion7(), account.UserName, account.DisplayName,
                DemoCity.Password, [account.Role], account.OfficerId), Actor.System, ct);
            created.Add(account.UserName);
        }

        // The shipped bank was reviewed before it was committed; the demo reviewer's approval stands for that review.
        var reviewer = plan.Accounts.Single(a => a.Role == Roles.Reviewer).UserName;
        var bank = await questions.Run(ShippedBank.Read(), Actor.System, approveAs: reviewer, ct: ct);
        if (!bank.Succeeded) throw new InvalidOperationException("The shipped question bank does not import: " + bank.Errors[0]);
        var published = await PublishStarterCourses(new Actor(DemoCity.TrainerUserName, [Roles.Trainer]), ct);
        var past = await history.Write(plan, seed, ct);
        return new(false, plan.Agencies.Count, plan.Officers.Count, created, bank.Approved, published, Stopwatch.GetElapsedTime(started), past);
    }

    /// <summary>Publishes the starter catalogue (question-bank/courses) when the database has no course at all, as the
    /// demo trainer: also for a database seeded before the catalogue shipped. Returns how many were published.</summary>
    public async Task<int> PublishStarterCourses(Actor trainer, CancellationToken ct = default)
    {
        await using (var session = store.QuerySession())
            if (await session.Query<Course>().AnyAsync(ct)) return 0;
        var shipped = ShippedCourses.Read();
        foreach (var course in shipped)
        {
            var id = await courses.Handle(new DraftCourse(course.Code, course.Content), trainer, ct);
            await courses.Handle(new PublishCourse(id), null, trainer, ct);
        }
        return shipped.Count;
    }

    async Task<bool> UserNameTaken(string userName, CancellationToken ct)
    {
        var normalized = userName.ToUpperInvariant(); // as Identity's UpperInvariantLookupNormalizer
        await using var session = store.QuerySession();
        return await session.Query<Account>().AnyAsync(a => a.NormalizedUserName == normalized, ct);
    }
}
