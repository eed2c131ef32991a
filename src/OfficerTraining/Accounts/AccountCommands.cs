using Marten;
using Microsoft.AspNetCore.Identity;
using OfficerTraining.Infrastructure;
using OfficerTraining.Officers;

namespace OfficerTraining.Accounts;

public sealed record CreateAccount(
    Guid AccountId, string UserName, string DisplayName, string Password, IReadOnlyList<string> Roles, Guid? OfficerId);

public sealed record SetAccountRoles(Guid AccountId, IReadOnlyList<string> Roles);

public sealed record ResetAccountPassword(Guid AccountId, string NewPassword);

public sealed record SetAccountDisabled(Guid AccountId, bool Disabled);

/// <summary>Account administration (administrators only), through Identity's UserManager so that password rules,
/// hashing and security stamps are Identity's own.</summary>
public sealed class AccountCommands(UserManager<Account> users, IDocumentStore store)
{
    public async Task Handle(CreateAccount c, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Administrator);
        CheckRoles(c.Roles, c.OfficerId);
        if (c.OfficerId is { } officerId)
        {
            await using var session = store.QuerySession();
            var officer = await session.LoadAsync<Officer>(officerId, ct) ?? throw new DomainException("Officer.NotFound", officerId);
            if (await session.Query<Account>().AnyAsync(a => a.OfficerId == officerId, ct))
                throw new DomainException("Account.OfficerHasAccount", officer.Name);
        }
        var account = new Account
        {
            Id = c.AccountId, UserName = Text.Required(c.UserName, "Account.UserName", 64),
            DisplayName = Text.Required(c.DisplayName, "Account.DisplayName", 40), Roles = [.. c.Roles.Distinct()],
            OfficerId = c.OfficerId,
        };
        await As(actor, () => users.CreateAsync(account, c.Password));
    }

    public async Task Handle(SetAccountRoles c, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Administrator);
        var account = await Find(c.AccountId);
        CheckRoles(c.Roles, account.OfficerId);
        account.Roles = [.. c.Roles.Distinct()];
        await As(actor, () => users.UpdateSecurityStampAsync(account)); // signs the account out of old role sets
    }

    public async Task Handle(ResetAccountPassword c, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Administrator);
        var account = await Find(c.AccountId);
        foreach (var validator in users.PasswordValidators)
            if (await validator.ValidateAsync(users, account, c.NewPassword) is { Succeeded: false } refused)
                throw new DomainException("Account.Refused", string.Join(" ", refused.Errors.Select(e => e.Description)));
        account.PasswordHash = users.PasswordHasher.HashPassword(account, c.NewPassword);
        await As(actor, () => users.UpdateSecurityStampAsync(account)); // one save: new hash, new stamp, old sessions end
    }

    public async Task Handle(SetAccountDisabled c, Actor actor, CancellationToken ct = default)
    {
        actor.Require(Roles.Administrator);
        var account = await Find(c.AccountId);
        if (account.UserName == actor.UserName && c.Disabled) throw new DomainException("Account.CannotDisableSelf");
        account.Disabled = c.Disabled;
        await As(actor, () => users.UpdateSecurityStampAsync(account));
    }

    static void CheckRoles(IReadOnlyList<string> roles, Guid? officerId)
    {
        if (roles.Count == 0) throw new DomainException("Account.RoleRequired");
        if (roles.FirstOrDefault(r => !Roles.IsKnown(r)) is { } unknown) throw new DomainException("Account.UnknownRole", unknown);
        if (roles.Contains(Roles.Officer) && officerId is null) throw new DomainException("Account.OfficerRequired");
    }

    async Task<Account> Find(Guid id) =>
        await users.FindByIdAsync(id.ToString()) ?? throw new DomainException("Account.NotFound", id);

    static async Task As(Actor actor, Func<Task<IdentityResult>> change)
    {
        AccountStore.CurrentActor.Value = actor;
        try
        {
            var result = await change();
            if (!result.Succeeded)
                throw new DomainException("Account.Refused", string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        finally
        {
            AccountStore.CurrentActor.Value = null;
        }
    }
}
