using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using OfficerTraining.Accounts;
using OfficerTraining.Courses;
using OfficerTraining.Infrastructure;
using OfficerTraining.Training;

namespace OfficerTraining.Web.Features.Courses.Study;

/// <summary>
/// Studies one lesson. After the first render it starts study.js, which beats every <see cref="StudyTracker.BeatEvery"/>
/// (and at once when the tab is hidden or shown) with what the page saw; each beat goes to the <see cref="StudyTracker"/>,
/// which times it by the server's clock. The figures shown are the enrolment as recorded plus what the tracker still
/// holds. Disposing (navigating away, closing the tab, losing the circuit) stops the timer and records what was held.
/// </summary>
public partial class LessonStudy : IAsyncDisposable
{
    [Parameter, EditorRequired] public Enrolment Enrolment { get; set; } = default!;
    [Parameter, EditorRequired] public Lesson Lesson { get; set; } = default!;
    [CascadingParameter] Task<AuthenticationState> AuthState { get; set; } = default!;
    [Inject] IJSRuntime JS { get; set; } = default!;
    [Inject] StudyTracker Tracker { get; set; } = default!;
    [Inject] CourseCatalogue Catalogue { get; set; } = default!;
    [Inject] StudyClockRules Rules { get; set; } = default!;
    [Inject] TimeProvider Clock { get; set; } = default!;
    [Inject] ILogger<LessonStudy> Logger { get; set; } = default!;

    readonly string tabId = Guid.NewGuid().ToString("N");
    readonly SemaphoreSlim beating = new(1, 1);
    Actor? actor;
    Enrolment? recorded;
    double held;
    bool visible = true, disposed;
    DateTimeOffset? lastInteraction; // the server's receipt time of the last beat that reported one
    ElementReference sentinel;
    DotNetObjectReference<LessonStudy>? self;
    IJSObjectReference? module, heartbeat;
    string? error;

    LessonProgress Progress => (recorded ?? Enrolment).ProgressOf(Lesson.Key);
    double Seconds => Progress.ActiveSeconds + held;

    /// <summary>As the server's clock sees it: counting while visible and within the idle limit of an interaction.</summary>
    StudyState State => !visible ? StudyState.Paused
        : lastInteraction is not { } last ? StudyState.Waiting
        : Clock.GetUtcNow() - last < Rules.IdleLimit ? StudyState.Counting : StudyState.Paused;

    protected override async Task OnInitializedAsync() => actor = (await AuthState).User.ToActor();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || Enrolment.Completed) return; // a completed course earns nothing more: no heartbeat
        self = DotNetObjectReference.Create(this);
        module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/study.js");
        heartbeat = await module.InvokeAsync<IJSObjectReference>("start", self, sentinel, (int)StudyTracker.BeatEvery.TotalMilliseconds);
        if (disposed) await StopScript(); // left while the script was starting
    }

    [JSInvokable]
    public async Task Beat(bool visible, bool interacted, bool reachedEnd)
    {
        if (disposed || actor is null) return;
        await beating.WaitAsync();
        try
        {
            var progress = Progress;
            var remaining = Lesson.Minutes * 60.0 - progress.ActiveSeconds;
            // Once the minutes are recorded there is nothing to hurry: let the tracker record once a minute, not every beat.
            var toComplete = remaining > 0 ? TimeSpan.FromSeconds(remaining) : StudyTracker.RecordEvery;
            held = await Tracker.Beat(Enrolment.Id, Lesson.Key, tabId, visible, interacted, reachedEnd && !progress.EndReached, toComplete, actor);
            this.visible = visible;
            if (visible && interacted) lastInteraction = Clock.GetUtcNow();
            recorded = await Catalogue.Enrolment(Enrolment.Id) ?? recorded;
            error = null;
        }
        catch (DomainException e)
        {
            error = e.Message;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogError(e, "Recording study of {Enrolment}/{Lesson} failed", Enrolment.Id, Lesson.Key);
            error = L["Study.BeatFailed"];
        }
        finally
        {
            beating.Release();
        }
        if (!disposed) StateHasChanged();
    }

    async Task StopScript()
    {
        try
        {
            if (heartbeat is not null) await heartbeat.InvokeVoidAsync("stop");
            if (heartbeat is not null) await heartbeat.DisposeAsync();
            if (module is not null) await module.DisposeAsync();
        }
        catch (Exception e) when (e is JSDisconnectedException or OperationCanceledException)
        {
            // The circuit is gone, and the page's timer with it.
        }
        heartbeat = module = null;
    }

    public async ValueTask DisposeAsync()
    {
        disposed = true;
        await StopScript();
        self?.Dispose();
        if (actor is null) return;
        await beating.WaitAsync(); // let a beat in flight finish, so its time is held before it is released
        try
        {
            await Tracker.Leave(tabId, actor);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogError(e, "Recording study on leaving {Enrolment}/{Lesson} failed", Enrolment.Id, Lesson.Key);
        }
        finally
        {
            beating.Release();
        }
    }
}

public enum StudyState { Waiting, Counting, Paused }
