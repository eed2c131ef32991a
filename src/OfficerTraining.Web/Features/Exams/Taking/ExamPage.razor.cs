using Marten;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using OfficerTraining.Accounts;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.Web.Features.Exams.Taking;

/// <summary>
/// The exam page. Everything it shows is read from the store when it loads (a reload, a reconnect after the circuit was
/// lost, another device): the same deadline, the answers and flags as committed. Answers go through the
/// <see cref="AnswerSaver"/>; the clock is the server's.
/// </summary>
public partial class ExamPage
{
    [Parameter] public Guid AttemptId { get; set; }
    [CascadingParameter] Task<AuthenticationState> AuthState { get; set; } = default!;
    [Inject] IDocumentStore Store { get; set; } = default!;
    [Inject] AnswerJournal Journal { get; set; } = default!;
    [Inject] AttemptCommands Commands { get; set; } = default!;
    [Inject] TimeProvider Clock { get; set; } = default!;
    [Inject] NavigationManager Navigation { get; set; } = default!;
    [Inject] IDialogService Dialogs { get; set; } = default!;
    [Inject] ILogger<ExamPage> Logger { get; set; } = default!;

    readonly CancellationTokenSource closing = new();
    Actor actor = default!;
    OpenAttempt? attempt; // only what the page shows of the attempt: its paper is in the shown items
    string? title, error;
    IReadOnlyList<ShownItem> items = [];
    AnswerSaver? saver;
    HashSet<string> flagged = [];
    int current;
    ClockPhase phase;
    bool notFound, busy, flagBusy, focusItem, closeScheduled;
    bool dialogs; // the dialog provider is rendered (from the first ask to submit on)
    ItemView? itemView;

    ShownItem Current => items[current];
    bool TimeUp => phase == ClockPhase.Over;
    bool IsFlagged => flagged.Contains(Current.Key);
    string ResultUrl => $"/exams/attempts/{AttemptId}/result";

    protected override async Task OnParametersSetAsync()
    {
        actor = (await AuthState).User.ToActor();
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
        if (!loaded.IsOpen)
        {
            Navigation.NavigateTo(ResultUrl, replace: true);
            return;
        }
        title = (await session.LoadAsync<ExamSession>(loaded.SessionId))?.Title;
        items = await ShownPaper.Load(session, loaded.Paper, withKey: false);
        saver?.Dispose();
        var answers = await session.LoadAsync<AnswerSheet>(AttemptId) ?? throw new InvalidOperationException($"Attempt {AttemptId} has no answer sheet.");
        saver = new AnswerSaver(AttemptId, items.Select(i => i.Key), answers, (c, ct) => Journal.Save(c, actor, ct), Reload, Changed, Clock, Logger);
        flagged = [.. loaded.Flagged];
        phase = ExamTime.PhaseOf(loaded.Deadline - Clock.GetUtcNow());
        // Back where the officer was: at the first question still unanswered.
        current = items.FirstOrDefault(i => answers.AnswerTo(i.Key).Count == 0)?.Index ?? 0;
        attempt = new OpenAttempt(loaded.Deadline, loaded.CutByWindow);
    }

    sealed record OpenAttempt(DateTimeOffset Deadline, bool CutByWindow);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (TimeUp && !closeScheduled) _ = CloseAfterGrace(); // opened after the deadline, before the closer got to it
        if (focusItem && itemView is not null)
        {
            focusItem = false;
            await itemView.FocusAsync();
        }
    }

    async Task<AnswerSheet?> Reload(CancellationToken ct)
    {
        await using var session = Store.QuerySession();
        return await session.LoadAsync<AnswerSheet>(AttemptId, ct);
    }

    Task Changed() => InvokeAsync(() =>
    {
        if (saver?.ClosedBecause is not null) Navigation.NavigateTo(ResultUrl); // submitted or voided elsewhere
        else StateHasChanged();
    });

    void Go(int index)
    {
        current = Math.Clamp(index, 0, items.Count - 1);
        focusItem = true;
    }

    /// <summary>Alt+N next, Alt+P previous, Alt+M flag (by key position, so a Mac's Option letters work too; none is a
    /// browser shortcut, unlike Alt+F). Chosen over accesskey, whose modifier differs by browser and platform.</summary>
    async Task Shortcut(KeyboardEventArgs e)
    {
        if (!e.AltKey || e.CtrlKey || e.MetaKey || e.ShiftKey) return;
        switch (e.Code)
        {
            case "KeyN": Go(current + 1); break;
            case "KeyP": Go(current - 1); break;
            case "KeyM" when !TimeUp && !flagBusy: await ToggleFlag(); break;
        }
    }

    void Choose(IReadOnlyList<int> choice)
    {
        if (TimeUp || saver is null) return;
        if (saver[Current.Key].Choice.Order().SequenceEqual(choice.Order())) return; // Enter on the chosen option: no change
        saver.Choose(Current.Key, choice);
    }

    public void Dispose()
    {
        closing.Cancel();
        saver?.Dispose();
    }
}
