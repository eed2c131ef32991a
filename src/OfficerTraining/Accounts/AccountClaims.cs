using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.Accounts;

public static class AccountClaims
{
    public const string DisplayName = "display_name";
    public const string OfficerId = "officer_id";

    /// <summary>The actor behind a signed-in principal, for command handlers.</summary>
    public static Actor ToActor(this ClaimsPrincipal user) =>
        new(user.Identity?.Name ?? "anonymous", [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)], user.OfficerIdOf());

    public static Guid? OfficerIdOf(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(OfficerId)?.Value, out var id) ? id : null;
}

/// <summary>Puts roles, the display name and the linked officer into the sign-in cookie.</summary>
public sealed class AccountClaimsFactory(UserManager<Account> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Account>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Account user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaims(user.Roles.Select(r => new Claim(Options.ClaimsIdentity.RoleClaimType, r)));
        identity.AddClaim(new Claim(AccountClaims.DisplayName, user.DisplayName));
        if (user.OfficerId is { } officerId) identity.AddClaim(new Claim(AccountClaims.OfficerId, officerId.ToString()));
        return identity;
    }
}

/// <summary>A disabled account cannot sign in (Identity reports it as "not allowed").</summary>
public sealed class EnabledAccountsOnly : IUserConfirmation<Account>
{
    public Task<bool> IsConfirmedAsync(UserManager<Account> manager, Account user) => Task.FromResult(!user.Disabled);
}
