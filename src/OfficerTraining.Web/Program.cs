using JasperFx;
using OfficerTraining.Web.Commands;
using OfficerTraining.Web.Hosting;

CommandLineOutput.KeepForJsonOnly(args);

var builder = WebApplication.CreateBuilder(args);

builder.AddObservability();      // Serilog, OpenTelemetry, /healthz
builder.AddPersistence();        // Marten on the configured PostgreSQL, or a local cluster started for us
builder.AddCapabilities();       // agencies, officers, accounts, demo data
builder.AddSignIn();             // Identity over Marten, cookies, roles, authorization, data-protection keys in PostgreSQL
builder.AddProxies();            // trusted load balancers (X-Forwarded-For/-Proto): none unless configured
builder.AddUserInterface();      // Blazor Server, MudBlazor, zh-CN / en-US
builder.Host.ApplyJasperFxExtensions();

var app = builder.Build();

app.UseUserInterface();
app.MapEndpoints();

return await app.RunJasperFxCommands(args);

/// <summary>Visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
