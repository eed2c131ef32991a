using System.Xml.Linq;
using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace OfficerTraining.Web.Hosting;

/// <summary>One key of ASP.NET Core's data-protection key ring (it signs and encrypts sign-in cookies and antiforgery
/// tokens), as the XML the framework writes.</summary>
public sealed class DataProtectionKey
{
    public string Id { get; set; } = "";
    public string? FriendlyName { get; set; }
    public string Xml { get; set; } = "";
}

/// <summary>
/// The key ring lives in PostgreSQL next to everything else, so every app node on the database reads the same keys:
/// a cookie or a form token issued by one node is accepted by the others, and a restart or a new container does not
/// sign everyone out. The keys are stored as the framework writes them (not encrypted at rest): the database and its
/// backups must be protected like the secret they hold.
/// </summary>
public static class DataProtectionKeys
{
    public const string ApplicationName = "OfficerTraining";

    public static void AddDataProtectionKeys(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureMarten(o => o.Schema.For<DataProtectionKey>());
        builder.Services.AddDataProtection().SetApplicationName(ApplicationName);
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((o, services) =>
            o.XmlRepository = new MartenXmlRepository(services.GetRequiredService<IDocumentStore>()));
    }
}

/// <summary>IXmlRepository is synchronous; the framework calls it when the key ring is loaded or refreshed (about once
/// a day) and when it creates a key, so blocking on Marten's async API there is rare and short.</summary>
sealed class MartenXmlRepository(IDocumentStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => Task.Run(async () =>
    {
        await using var session = store.QuerySession();
        var keys = await session.Query<DataProtectionKey>().ToListAsync();
        return (IReadOnlyCollection<XElement>)[.. keys.Select(k => XElement.Parse(k.Xml))];
    }).GetAwaiter().GetResult();

    public void StoreElement(XElement element, string friendlyName) => Task.Run(async () =>
    {
        await using var session = store.LightweightSession();
        var id = string.IsNullOrEmpty(friendlyName) ? Guid.NewGuid().ToString() : friendlyName;
        session.Insert(new DataProtectionKey { Id = id, FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        await session.SaveChangesAsync();
    }).GetAwaiter().GetResult();
}
