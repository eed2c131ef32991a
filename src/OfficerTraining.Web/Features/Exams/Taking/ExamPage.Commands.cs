using Microsoft.Extensions.Logging;
using MudBlazor;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.Web.Features.Exams.Taking;

/// <summary>What the exam page asks of the server besides answers: flags, the submit (after a confirmation), and the
/// close at the end of time. A refusal is shown as it is; a fault (the database out of reach) says what it means for
/// the officer, and nothing already saved is lost.</summary>
public partial class ExamPage
{
    async Task ToggleFlag()
    {
        var (key, on) = (Current.Key, !IsFlagged);
        (flagBusy, error) = (true, null);
        try
        {
            await Commands.Handle(new FlagAnswer(AttemptId, key, on), actor);
            if (on) flagged.Add(key);
            else flagged.Remove(key);
        }
        catch (DomainException e)
        {
            error = e.Message;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogWarning(e, "Flag of {Item} on attempt {AttemptId} not saved", key, AttemptId);
            error = L["Take.FlagNotSaved"];
        }
        finally
        {
            flagBusy = false;
        }
    }

    async Task ConfirmSubmit()
    {
        if (saver is null) return;
        var parameters = new DialogParameters<SubmitDialog>
        {
            { d => d.Unanswered, [.. items.Where(i => saver[i.Key].Choice.Count == 0).Select(i => i.Key)] },
            { d => d.Flagged, [.. items.Where(i => flagged.Contains(i.Key)).Select(i => i.Key)] },
            { d => d.Unsaved, saver.Unsaved },
        };
        if (!dialogs)
        {
            dialogs = true;
            StateHasChanged(); // rendered when this handler first yields: the provider then listens for the dialog below
            await Task.Yield();
        }
        var dialog = await Dialogs.ShowAsync<SubmitDialog>(L["Take.SubmitTitle"], parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        if (result is null || result.Canceled) return;
        if (result.Data is string key) Go(items.First(i => i.Key == key).Index);
        else await Submit();
    }

    async Task Submit()
    {
        (busy, error) = (true, null);
        try
        {
            await saver!.Settle(TimeSpan.FromSeconds(10)); // answers still on their way go first
            await Commands.Handle(new SubmitAttempt(AttemptId), actor);
            Navigation.NavigateTo(ResultUrl);
        }
        catch (DomainException e)
        {
            error = e.Message;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogError(e, "Submit of attempt {AttemptId} failed", AttemptId);
            error = L["Take.SubmitFailed"];
        }
        finally
        {
            busy = false;
        }
    }

    void OnPhase(ClockPhase next)
    {
        phase = next;
        if (TimeUp && !closeScheduled) _ = CloseAfterGrace();
    }

    /// <summary>At the end of time answers in flight get the grace the server allows; then the result page, which closes
    /// the attempt as it stands if the background closer has not yet.</summary>
    async Task CloseAfterGrace()
    {
        closeScheduled = true;
        var wait = attempt!.Deadline + AttemptDecider.Grace + TimeSpan.FromSeconds(1) - Clock.GetUtcNow();
        try
        {
            if (wait > TimeSpan.Zero) await Task.Delay(wait, Clock, closing.Token);
            await InvokeAsync(() => Navigation.NavigateTo(ResultUrl));
        }
        catch (OperationCanceledException)
        {
        }
    }
}
