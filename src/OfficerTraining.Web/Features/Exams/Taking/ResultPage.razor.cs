using Marten;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using OfficerTraining.Accounts;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.Web.Features.Exams.Taking;

/// <summary>The score and pass/fail of a closed attempt, and the review its rules allow (and only from when they allow it).
/// An attempt still open is sent back to the exam page while it has time, and closed as it stands once past the deadline
/// and grace (the background closer may simply not have come by yet).</summary>
public partial class ResultPage
{
    [Parameter] public Guid AttemptId { get; set; }
    [CascadingParameter] Task<AuthenticationState> AuthState { get; set; } = default!;
    [Inject] IDocumentStore Store { get; set; } = default!;
    [Inject] AttemptCommands Commands { get; set; } = default!;
    [Inject] TimeProvider Clock { get; set; } = default!;
    [Inject] NavigationManager Navigation { get; set; } = default!;
    [Inject] ILogger<ResultPage> Logger { get; set; } = default!;

    ExamAttempt? attempt;
    IReadOnlyList<ShownItem>? review;
    AnswerSheet? answers;
    string? title, error;
    bool notFound;

    string ClosedText => attempt?.Status == AttemptStatus.TimedOut
        ? L["Take.ClosedTimedOut", ChinaTime.Format(attempt.Deadline)]
        : L["Take.ClosedSubmitted", ChinaTime.Format(attempt?.ClosedAt ?? default)];

    protected override Task OnParametersSetAsync() => Load();

    async Task Load()
    {
        error = null;
        var actor = (await AuthState).User.ToActor();
        await using var session = Store.QuerySession();
        var loaded = await session.LoadAsync<ExamAttempt>(AttemptId);
        if (loaded is null)
        {
            notFound = true;
            return;
        }
        if (loaded.OfficerId != actor.OfficerId)
        {
            Navigation.NavigateTo("account/access-denied", forceLoad: true);
            return;
        }
        var now = Clock.GetUtcNow();
        if (loaded.IsOpen && now <= loaded.Deadline + AttemptDecider.Grace)
        {
            Navigation.NavigateTo($"/exams/attempts/{AttemptId}", replace: true);
            return;
        }
        if (loaded.IsOpen && await Close(actor) is { } closed) loaded = closed;
        title = (await session.LoadAsync<ExamSession>(loaded.SessionId))?.Title;
        review = loaded.Result is not null && Review.Visible(loaded.Rules, now)
            ? await ShownPaper.Load(session, loaded.Paper, withKey: loaded.Rules.Review == ReviewDetail.Explanations)
            : null;
        answers = review is null ? null : await session.LoadAsync<AnswerSheet>(AttemptId);
        attempt = loaded;
    }

    /// <summary>A submit past the deadline and grace closes the attempt as it stood at the deadline (a time-out).</summary>
    async Task<ExamAttempt?> Close(Actor actor)
    {
        try
        {
            await Commands.Handle(new SubmitAttempt(AttemptId), actor);
            await using var session = Store.QuerySession();
            return await session.LoadAsync<ExamAttempt>(AttemptId);
        }
        catch (DomainException e)
        {
            error = e.Message;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogError(e, "Closing expired attempt {AttemptId} failed", AttemptId);
            error = L["Take.CloseFailed"];
        }
        return null;
    }
}
