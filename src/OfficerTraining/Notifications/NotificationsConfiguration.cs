using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace OfficerTraining.Notifications;

public static class NotificationsConfiguration
{
    public static StoreOptions ConfigureNotifications(this StoreOptions opts)
    {
        opts.Projections.Snapshot<Inbox>(SnapshotLifecycle.Inline);
        return opts;
    }

    public static IServiceCollection AddNotifications(this IServiceCollection services, NotificationOptions? options = null) =>
        services.AddSingleton(options ?? NotificationOptions.Default).AddSingleton<NotificationCenter>();
}
