using Marten;

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
}
