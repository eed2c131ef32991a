using System.Diagnostics;
using JasperFx;
using Marten;
using Marten.Events;
using Npgsql;
using OfficerTraining.Certificates;
using OfficerTraining.Exams;
using OfficerTraining.Infrastructure;
using OfficerTraining.IntegrationTests.Certificates;
using OfficerTraining.IntegrationTests.Exams;
using OfficerTraining.IntegrationTests.Harness;

namespace OfficerTraining.IntegrationTests.Infrastructure;

/// <summary>The README's backup procedure, run for real: <c>pg_dump -Fc -n schema</c> of a schema with officers,
/// certificates, exam attempts and the compliance read model, <c>pg_restore --no-owner --no-privileges</c> into a new
/// database, every projection (inline ones included) rebuilt there from the restored events, and then every document
/// table compared, row by row, with the source.</summary>
public class when_the_database_is_backed_up_and_restored(ExamFixture f, ITestOutputHelper output) : IClassFixture<ExamFixture>
{
    static readonly string Bin = PostgresCluster.FindBinDirectory() ?? throw new InvalidOperationException(PostgresCluster.BinariesMissingMessage);

    [Fact]
    public async Task the_restored_database_with_its_projections_rebuilt_holds_the_same_documents_as_the_source()
    {
        await Seed();
        using (var daemon = await f.Store.BuildProjectionDaemonAsync()) // the source's compliance read model, caught up
        {
            await daemon.StartAllAsync();
            await f.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        }
        var source = new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString);
        var target = new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString) { Database = "r_" + f.Schema };
        var dump = Path.Combine(Path.GetTempPath(), $"ot-backup-{f.Schema}.dump");
        try
        {
            var watch = Stopwatch.StartNew();
            await Run("pg_dump", source, ["-Fc", "-n", f.Schema, "-f", dump, source.Database!]);
            await Sql(source.ConnectionString, $"drop database if exists \"{target.Database}\"");
            await Sql(source.ConnectionString, $"create database \"{target.Database}\" template template0 encoding 'UTF8'");
            await Run("pg_restore", target, ["--no-owner", "--no-privileges", "--exit-on-error", "-d", target.Database!, dump]);
            output.WriteLine($"dump {new FileInfo(dump).Length:N0} bytes, dump and restore {watch.ElapsedMilliseconds} ms");

            using var restored = DocumentStore.For(o =>
            {
                o.ConfigureOfficerTraining(target.ConnectionString, f.Schema);
                o.AutoCreateSchemaObjects = AutoCreate.None; // the restore brought the schema; nothing may be missing
            });
            await restored.Storage.Database.AssertDatabaseMatchesConfigurationAsync();
            var projections = restored.Options.Projections.All.Select(p => p.Name).ToList();
            projections.Should().Contain(["Officer", "Certificate", "ExamAttempt", "AnswerSheet", "OfficerCompliance"]);
            foreach (var name in projections) // what a restore from a damaged or older read model relies on
            {
                using var daemon = await restored.BuildProjectionDaemonAsync();
                await daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(2), CancellationToken.None);
            }
            output.WriteLine($"rebuilt {projections.Count} projections, {watch.ElapsedMilliseconds} ms in all");

            var expected = await Documents(source.ConnectionString);
            var actual = await Documents(target.ConnectionString);
            expected.Keys.Should().Contain(["mt_doc_officer", "mt_doc_certificate", "mt_doc_examattempt", "mt_doc_answersheet", "mt_doc_officercompliance"]);
            expected["mt_doc_certificate"].Should().HaveCount(3);
            expected["mt_doc_answersheet"].Should().HaveCountGreaterThan(2);
            actual.Keys.Should().BeEquivalentTo(expected.Keys);
            foreach (var (table, rows) in expected)
            {
                actual[table].Should().HaveSameCount(rows, "{0} has as many documents after the restore and the rebuild", table);
                foreach (var (restoredRow, sourceRow) in actual[table].Zip(rows))
                    restoredRow.Should().Be(sourceRow, "{0} is the same after the restore and the rebuild", table);
            }
            (await Count(target.ConnectionString, "mt_events")).Should().Be(await Count(source.ConnectionString, "mt_events"));
        }
        finally
        {
            File.Delete(dump);
            NpgsqlConnection.ClearAllPools();
            await Sql(source.ConnectionString, $"drop database if exists \"{target.Database}\" with (force)");
        }
    }

    /// <summary>Five qualified officers, three of them certified (one suspended), a submitted and an open attempt.</summary>
    async Task Seed()
    {
        await CertificateArrange.Qualify(f, [0, 1, 2, 3, 4]);
        var commands = f.Get<CertificateCommands>();
        List<string> numbers = [];
        foreach (var i in new[] { 0, 1, 2 })
            numbers.Add(await commands.Handle(new IssueCertificate(Guid.CreateVersion7(), f.Officers[i], CertificateKind.Enforcement,
                "申领", "第二十一条"), CertificateArrange.CertificateOfficer));
        var suspended = (await f.Get<CertificateRegister>().ByNumber(numbers[2]))!;
        await commands.Handle(new SuspendCertificate(suspended.Id, "调查", "第四十二条第（六）项", null), CertificateArrange.CertificateOfficer);

        var session = await f.Schedule();
        foreach (var (officer, submit) in new[] { (10, true), (11, false) })
        {
            var id = await f.Start(session, officer);
            foreach (var item in new[] { "1", "5", "10" })
                await f.Get<AnswerJournal>().Save(new RecordAnswer(id, item, [0], 1), f.Officer(officer));
            if (submit) await f.Get<AttemptCommands>().Handle(new SubmitAttempt(id), f.Officer(officer));
        }
    }

    /// <summary>Every document table of the schema: its rows as "id data" (jsonb text, so key order does not matter).
    /// A snapshot's <c>Version</c> is compared only where the app reads it (the attempt and its answer sheet): written
    /// inline by a plain append (Quick append mode) it stays 0, while a rebuild fills in the stream version.</summary>
    async Task<Dictionary<string, List<string>>> Documents(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var reader = await new NpgsqlCommand("select table_name from information_schema.tables where table_schema = $1 " +
                         "and table_name like 'mt_doc_%' and table_type = 'BASE TABLE'", connection) { Parameters = { new() { Value = f.Schema } } }.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        var documents = new Dictionary<string, List<string>>();
        foreach (var table in tables)
        {
            var rows = new List<string>();
            var data = table is "mt_doc_examattempt" or "mt_doc_answersheet" ? "data" : "data - 'Version'";
            await using var select = new NpgsqlCommand($"select id::text || ' ' || ({data})::text from \"{f.Schema}\".{table} order by id::text", connection);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
            documents[table] = rows;
        }
        return documents;
    }

    Task<object?> Count(string connectionString, string table) => Sql(connectionString, $"select count(*) from \"{f.Schema}\".{table}");

    static async Task<object?> Sql(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>pg_dump or pg_restore of the installed server's version, against the run's cluster (a client: no
    /// need to be the postgres user).</summary>
    static async Task Run(string tool, NpgsqlConnectionStringBuilder server, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(Path.Combine(Bin, tool)) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["-h", server.Host!, "-p", server.Port.ToString(), "-U", server.Username!]) start.ArgumentList.Add(a);
        foreach (var a in args) start.ArgumentList.Add(a);
        if (server.Password is { } password) start.Environment["PGPASSWORD"] = password;
        using var process = Process.Start(start)!;
        var (errors, _) = (process.StandardError.ReadToEndAsync(), process.StandardOutput.ReadToEndAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        process.ExitCode.Should().Be(0, "{0} failed: {1}", tool, await errors);
    }
}
