using Marten;
using Microsoft.AspNetCore.Identity;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.Accounts;

/// <summary>ASP.NET Core Identity's user store over Marten: accounts are documents, and every change worth keeping is
/// appended to the account's event stream in the same transaction (see <see cref="AccountHistory"/>).</summary>
public sealed class AccountStore(IDocumentStore store, TimeProvider clock) :
    IUserPasswordStore<Account>, IUserSecurityStampStore<Account>, IUserRoleStore<Account>, IUserLockoutStore<Account>
{
    /// <summary>Who is changing accounts in this async flow; without one, the account's own user name (sign-in).</summary>
    public static readonly AsyncLocal<Actor?> CurrentActor = new();

    public async Task<IdentityResult> CreateAsync(Account user, CancellationToken ct)
    {
        await using var session = Open(user);
        session.Store(user);
        session.Events.StartStream<Account>(user.Id, AccountHistory.Created(user));
        return await Save(session, ct);
    }

    public async Task<IdentityResult> UpdateAsync(Account user, CancellationToken ct)
    {
        await using var session = Open(user);
        var before = await session.LoadAsync<Account>(user.Id, ct);
        if (before is null) return IdentityResult.Failed(new IdentityError { Code = "NotFound", Description = user.UserName });
        if (before.ConcurrencyStamp != user.ConcurrencyStamp)
            return IdentityResult.Failed(new IdentityErrorDescriber().ConcurrencyFailure());
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        var events = AccountHistory.Changes(before, user, clock.GetUtcNow());
        if (events.Length > 0) session.Events.Append(user.Id, events);
        session.Store(user);
        return await Save(session, ct);
    }

    /// <summary>Accounts are never deleted, only disabled: their history must stay readable.</summary>
    public Task<IdentityResult> DeleteAsync(Account user, CancellationToken ct) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "NotSupported", Description = "Disable the account instead." }));

    public async Task<Account?> FindByIdAsync(string userId, CancellationToken ct)
    {
        if (!Guid.TryParse(userId, out var id)) return null;
        await using var session = store.QuerySession();
        return await session.LoadAsync<Account>(id, ct);
    }

    public async Task<Account?> FindByNameAsync(string normalizedUserName, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.Query<Account>().FirstOrDefaultAsync(a => a.NormalizedUserName == normalizedUserName, ct);
    }

    public async Task<IList<Account>> GetUsersInRoleAsync(string roleName, CancellationToken ct)
    {
        var role = Canonical(roleName);
        await using var session = store.QuerySession();
        return [.. await session.Query<Account>().Where(a => a.Roles.Contains(role)).ToListAsync(ct)];
    }

    IDocumentSession Open(Account user)
    {
        var session = store.LightweightSession();
        session.LastModifiedBy = CurrentActor.Value?.UserName ?? user.UserName;
        return session;
    }

    static async Task<IdentityResult> Save(IDocumentSession session, CancellationToken ct)
    {
        try
        {
            await session.SaveChangesTranslated(ct, uniqueViolationKey: "Account.UserNameTaken");
            return IdentityResult.Success;
        }
        catch (DomainException e)
        {
            return IdentityResult.Failed(new IdentityError { Code = e.Key, Description = e.Message });
        }
    }

    public Task<string> GetUserIdAsync(Account user, CancellationToken ct) => Task.FromResult(user.Id.ToString());
    public Task<string?> GetUserNameAsync(Account user, CancellationToken ct) => Task.FromResult<string?>(user.UserName);
    public Task SetUserNameAsync(Account user, string? userName, CancellationToken ct) => Set(() => user.UserName = userName ?? "");
    public Task<string?> GetNormalizedUserNameAsync(Account user, CancellationToken ct) => Task.FromResult<string?>(user.NormalizedUserName);
    public Task SetNormalizedUserNameAsync(Account user, string? name, CancellationToken ct) => Set(() => user.NormalizedUserName = name ?? "");
    public Task SetPasswordHashAsync(Account user, string? hash, CancellationToken ct) => Set(() => user.PasswordHash = hash);
    public Task<string?> GetPasswordHashAsync(Account user, CancellationToken ct) => Task.FromResult(user.PasswordHash);
    public Task<bool> HasPasswordAsync(Account user, CancellationToken ct) => Task.FromResult(user.PasswordHash is not null);
    public Task SetSecurityStampAsync(Account user, string stamp, CancellationToken ct) => Set(() => user.SecurityStamp = stamp);
    public Task<string?> GetSecurityStampAsync(Account user, CancellationToken ct) => Task.FromResult<string?>(user.SecurityStamp);
    // UserManager hands roles over normalized (upper case); accounts keep the canonical names of Roles.All.
    public Task AddToRoleAsync(Account user, string role, CancellationToken ct) =>
        Set(() => { if (!user.Roles.Contains(Canonical(role))) user.Roles.Add(Canonical(role)); });
    public Task RemoveFromRoleAsync(Account user, string role, CancellationToken ct) => Set(() => user.Roles.Remove(Canonical(role)));
    public Task<IList<string>> GetRolesAsync(Account user, CancellationToken ct) => Task.FromResult<IList<string>>([.. user.Roles]);
    public Task<bool> IsInRoleAsync(Account user, string role, CancellationToken ct) => Task.FromResult(user.Roles.Contains(Canonical(role)));

    static string Canonical(string role) =>
        Roles.All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase))
        ?? throw new DomainException("Account.UnknownRole", role);
    public Task<DateTimeOffset?> GetLockoutEndDateAsync(Account user, CancellationToken ct) => Task.FromResult(user.LockoutEnd);
    public Task SetLockoutEndDateAsync(Account user, DateTimeOffset? end, CancellationToken ct) => Set(() => user.LockoutEnd = end);
    public Task<int> IncrementAccessFailedCountAsync(Account user, CancellationToken ct) => Task.FromResult(++user.AccessFailedCount);
    public Task ResetAccessFailedCountAsync(Account user, CancellationToken ct) => Set(() => user.AccessFailedCount = 0);
    public Task<int> GetAccessFailedCountAsync(Account user, CancellationToken ct) => Task.FromResult(user.AccessFailedCount);
    public Task<bool> GetLockoutEnabledAsync(Account user, CancellationToken ct) => Task.FromResult(user.LockoutEnabled);
    public Task SetLockoutEnabledAsync(Account user, bool enabled, CancellationToken ct) => Set(() => user.LockoutEnabled = enabled);

    static Task Set(Action change) { change(); return Task.CompletedTask; }

    public void Dispose() { }
}
