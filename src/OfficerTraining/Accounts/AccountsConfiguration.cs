using Marten;
using Microsoft.AspNetCore.Identity;
using StoreOptions = Marten.StoreOptions;
using Microsoft.Extensions.DependencyInjection;

namespace OfficerTraining.Accounts;

public static class AccountsConfiguration
{
    public static StoreOptions ConfigureAccounts(this StoreOptions opts)
    {
        opts.Schema.For<Account>()
            .UniqueIndex(a => a.NormalizedUserName)
            .Index(a => a.OfficerId!);
        return opts;
    }

    /// <summary>Identity's user manager (password hasher and rules, lockout, security stamps) over the Marten account
    /// store, and the account commands. The web host adds sign-in and cookies on top.</summary>
    public static IdentityBuilder AddAccounts(this IServiceCollection services)
    {
        services.AddScoped<AccountCommands>();
        return services.AddIdentityCore<Account>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.SignIn.RequireConfirmedAccount = true; // "confirmed" = not disabled, see EnabledAccountsOnly
            })
            .AddUserStore<AccountStore>()
            .AddClaimsPrincipalFactory<AccountClaimsFactory>()
            .AddUserConfirmation<EnabledAccountsOnly>();
    }
}
