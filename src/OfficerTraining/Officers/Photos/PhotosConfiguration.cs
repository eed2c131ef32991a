using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace OfficerTraining.Officers.Photos;

public static class PhotosConfiguration
{
    public static StoreOptions ConfigureOfficerPhotos(this StoreOptions opts)
    {
        opts.Schema.For<OfficerPhoto>();
        return opts;
    }

    public static IServiceCollection AddOfficerPhotos(this IServiceCollection services) =>
        services.AddSingleton<OfficerPhotos>();
}
