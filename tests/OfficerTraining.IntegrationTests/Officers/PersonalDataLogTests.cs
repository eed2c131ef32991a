using Marten;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OfficerTraining.Agencies;
using OfficerTraining.Infrastructure;
using OfficerTraining.IntegrationTests.Harness;
using OfficerTraining.Officers;
using Serilog.Core;
using Serilog.Events;

namespace OfficerTraining.IntegrationTests.Officers;

/// <summary>Every log event of the app, rendered with its properties and exception, as the console sink would see it.</summary>
public sealed class CapturingSink : ILogEventSink
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public void Emit(LogEvent e) => Lines.Enqueue(string.Join(" ", [e.RenderMessage(),
        .. e.Properties.Select(p => $"{p.Key}={p.Value}"), e.Exception?.ToString() ?? ""]));
}

public class when_officers_are_registered_through_the_app
{
    [Fact]
    public async Task no_log_line_carries_an_id_number()
    {
        var sink = new CapturingSink();
        await using var parent = new AppFactory
        {
            Settings =
            {
                ["Serilog:MinimumLevel:Default"] = "Verbose", ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Verbose",
                ["Serilog:MinimumLevel:Override:Marten"] = "Verbose", ["Serilog:MinimumLevel:Override:JasperFx"] = "Verbose",
            },
        };
        // Serilog reads sinks from the container (ReadFrom.Services), so the app's own pipeline writes to this one.
        await using var app = parent.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILogEventSink>(sink)));
        await parent.InitializeAsync(); // the city and the accounts, through the first host
        var services = app.Services;
        await using (var session = services.GetRequiredService<Marten.IDocumentStore>().QuerySession())
        {
            var department = await session.Query<Agency>().SingleAsync(a => a.Code == "410400CG01");
            var ids = Enumerable.Range(0, 3).Select(_ => Arrange.UniqueNationalId()).ToList();
            var first = Arrange.Officer(department, ids[0]);
            await services.GetRequiredService<OfficerCommands>().Handle(first, Arrange.Admin);
            foreach (var id in ids.Skip(1)) await services.GetRequiredService<OfficerCommands>().Handle(Arrange.Officer(department, id), Arrange.Admin);
            var again = () => services.GetRequiredService<OfficerCommands>().Handle(Arrange.Officer(department, ids[0]), Arrange.Admin);
            await again.Should().ThrowAsync<DomainException>();
            var imported = Arrange.UniqueNationalId();
            var csv = $"姓名,身份证号,执法主体编码,职务,执法领域,用工性质\n王芳,{imported.Value},410400CG01,科员,城市管理,在编在职\n李雷,{ids[1].Value},NOPE,科员,城市管理,在编在职\n";
            var refused = await services.GetRequiredService<OfficerImport>().Run("officers.csv", new StringReader(csv), Arrange.Admin);
            refused.Saved.Should().BeFalse();
            ids.Add(imported);

            var admin = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            (await parent.SignIn(admin, "administrator")).StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect);
            var record = await admin.GetStringAsync($"/admin/officers/{first.OfficerId}");
            record.Should().Contain(ids[0].Masked, "the record shows the number masked");
            foreach (var trace in ids.SelectMany(IdNumberTraces.Of)) record.Should().NotContain(trace);

            sink.Lines.Should().NotBeEmpty("the app must log through the captured pipeline, or this test checks nothing");
            foreach (var line in sink.Lines)
                foreach (var trace in ids.SelectMany(IdNumberTraces.Of))
                    line.Should().NotContain(trace);
        }
    }
}
