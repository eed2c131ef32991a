namespace OfficerTraining.Accounts;

/// <summary>
/// A sign-in account, as ASP.NET Core Identity reads and changes it (a Marten document: Identity mutates its user
/// object). Every change that matters is also recorded as an event on the account's stream, see AccountHistory.
/// </summary>
public sealed class Account
{
    public Guid Id { get; set; }
    public string UserName { get; set; } = "";
    public string NormalizedUserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string? PasswordHash { get; set; }
    public string SecurityStamp { get; set; } = "";
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString();
    public List<string> Roles { get; set; } = [];
    /// <summary>The officer record an Officer account belongs to.</summary>
    public Guid? OfficerId { get; set; }
    public bool Disabled { get; set; }
    public bool LockoutEnabled { get; set; } = true;
    public DateTimeOffset? LockoutEnd { get; set; }
    public int AccessFailedCount { get; set; }

    public Account Copy()
    {
        var copy = (Account)MemberwiseClone();
        copy.Roles = [.. Roles];
        return copy;
    }
}

public sealed record AccountCreated(Guid AccountId, string UserName, string DisplayName, IReadOnlyList<string> Roles, Guid? OfficerId);
public sealed record AccountRoleGranted(Guid AccountId, string Role);
public sealed record AccountRoleRevoked(Guid AccountId, string Role);
public sealed record AccountPasswordChanged(Guid AccountId);
public sealed record AccountLinkedToOfficer(Guid AccountId, Guid? OfficerId);
public sealed record AccountDisplayNameChanged(Guid AccountId, string DisplayName);
public sealed record AccountLockedOut(Guid AccountId, DateTimeOffset Until);
public sealed record AccountUnlocked(Guid AccountId);
public sealed record AccountDisabled(Guid AccountId);
public sealed record AccountEnabled(Guid AccountId);

/// <summary>What changed between two states of an account, as events. Failed-attempt counters and stamps are
/// bookkeeping, not history; a lockout, a role or a password change is history.</summary>
public static class AccountHistory
{
    public static object[] Created(Account a) => [new AccountCreated(a.Id, a.UserName, a.DisplayName, [.. a.Roles], a.OfficerId)];

    public static object[] Changes(Account before, Account after, DateTimeOffset now)
    {
        var events = new List<object>();
        var id = after.Id;
        events.AddRange(after.Roles.Except(before.Roles).Select(r => new AccountRoleGranted(id, r)));
        events.AddRange(before.Roles.Except(after.Roles).Select(r => new AccountRoleRevoked(id, r)));
        // A rehash of the same password (Identity upgrades old hashes on sign-in) also changes the stamp only when
        // the password itself changes, so the security stamp tells the two apart.
        if (before.PasswordHash != after.PasswordHash && before.SecurityStamp != after.SecurityStamp)
            events.Add(new AccountPasswordChanged(id));
        if (before.OfficerId != after.OfficerId) events.Add(new AccountLinkedToOfficer(id, after.OfficerId));
        if (before.DisplayName != after.DisplayName) events.Add(new AccountDisplayNameChanged(id, after.DisplayName));
        var wasLocked = before.LockoutEnd > now;
        var isLocked = after.LockoutEnd > now;
        if (isLocked && (!wasLocked || before.LockoutEnd != after.LockoutEnd)) events.Add(new AccountLockedOut(id, after.LockoutEnd!.Value));
        if (wasLocked && !isLocked) events.Add(new AccountUnlocked(id));
        if (!before.Disabled && after.Disabled) events.Add(new AccountDisabled(id));
        if (before.Disabled && !after.Disabled) events.Add(new AccountEnabled(id));
        return [.. events];
    }
}
