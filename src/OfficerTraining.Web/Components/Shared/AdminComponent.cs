using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using OfficerTraining.Accounts;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.Web.Components.Shared;

/// <summary>Base of the admin pages and forms: the signed-in user as an actor, and a refused command shown next to
/// the form that gave it.</summary>
public abstract class AdminComponent : ComponentBase
{
    [CascadingParameter] protected Task<AuthenticationState> AuthState { get; set; } = default!;

    /// <summary>Why the last command was refused, in the user's language; null when it was not.</summary>
    protected string? Error { get; set; }

    /// <summary>True while a command runs, so its button cannot send it twice.</summary>
    protected bool Busy { get; private set; }

    protected async Task<bool> IsAdministrator() => (await AuthState).User.IsInRole(Roles.Administrator);

    /// <returns>True when the command was accepted. Only a refusal (DomainException) is caught: anything else is a
    /// fault and goes on to the error boundary and the log.</returns>
    protected async Task<bool> Run(Func<Actor, Task> command)
    {
        Error = null;
        Busy = true;
        try
        {
            await command((await AuthState).User.ToActor());
            return true;
        }
        catch (DomainException e)
        {
            Error = e.Message;
            return false;
        }
        finally
        {
            Busy = false;
        }
    }
}
