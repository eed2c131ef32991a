using Marten;
using System.Text;
using Npgsql;
using OfficerTraining.Infrastructure;
using OfficerTraining.IntegrationTests.Harness;
using OfficerTraining.Officers;
using OfficerTraining.Training;

namespace OfficerTraining.IntegrationTests.Officers;

/// <summary>What of an ID number could betray it: the number, every 15 characters of it (each holds the birth date),
/// and the old 15-digit form of the same person (区划 + yyMMdd + 顺序码).</summary>
public static class IdNumberTraces
{
    public static IEnumerable<string> Of(NationalIdNumber id)
    {
        var v = id.Value;
        yield return v;
        for (var i = 0; i + 15 <= v.Length; i++) yield return v.Substring(i, 15);
        yield return v[..6] + v[8..17];
    }

    /// <summary>Every row of every table of the schema as text (events with their headers, streams, every document).</summary>
    public static async Task<string> EverythingStoredIn(string schema)
    {
        await using var connection = new NpgsqlConnection(TestPostgres.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("select table_name from information_schema.tables where table_schema = @s", connection))
        {
            list.Parameters.AddWithValue("s", schema);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        tables.Should().Contain(["mt_events", "mt_doc_officer", "mt_doc_personaldatakey"]);
        var all = new StringBuilder();
        foreach (var table in tables)
        {
            await using var rows = new NpgsqlCommand($"select t::text from \"{schema}\".\"{table}\" t", connection);
            await using var reader = await rows.ExecuteReaderAsync();
            while (await reader.ReadAsync()) all.AppendLine(reader.GetString(0));
        }
        return all.ToString();
    }
}

public class when_officers_are_registered_and_trained(StoreFixture f) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task no_table_holds_an_id_number_or_any_15_characters_of_it_in_clear()
    {
        var (_, department) = await Arrange.CityWithDepartment(f, "P1");
        var registered = new List<RegisterOfficer>();
        for (var i = 0; i < 4; i++)
        {
            registered.Add(Arrange.Officer(department, name: "周" + i));
            await f.Get<OfficerCommands>().Handle(registered[^1], Arrange.Admin);
        }
        var imported = Enumerable.Range(0, 4).Select(_ => Arrange.UniqueNationalId()).ToList();
        var csv = string.Join("\n", ["姓名,身份证号,执法主体编码,职务,执法领域,用工性质", .. imported.Select((id, i) => $"吴{i},{id.Value},DP1,科员,城市管理,在编在职")]);
        (await f.Get<OfficerImport>().Run("officers.csv", new StringReader(csv), Arrange.Admin)).Saved.Should().BeTrue();
        var attendance = string.Join("\n", ["身份证号,姓名", .. registered.Select(o => $"{o.NationalId.Value},{o.Name}")]);
        (await f.Get<InPersonAttendanceImport>().Run("attendance.csv", new StringReader(attendance),
            new RecordInPersonSession(Guid.CreateVersion7(), new DateOnly(2026, 3, 2), "行政处罚法", 3, TrainingCategory.PublicLaw, []),
            new Actor("trainer", [Roles.Trainer]))).Saved.Should().BeTrue();
        // A refused duplicate must not echo the number either.
        var duplicate = () => f.Get<OfficerCommands>().Handle(Arrange.Officer(department, registered[0].NationalId), Arrange.Admin);
        (await duplicate.Should().ThrowAsync<DomainException>()).Which.Message.Should().NotContain(registered[0].NationalId.Value);

        var stored = await IdNumberTraces.EverythingStoredIn(f.Schema);

        stored.Should().Contain(registered[0].NationalId.Masked[^4..], "the check must see the officers it scans");
        foreach (var id in registered.Select(o => o.NationalId).Concat(imported))
            foreach (var trace in IdNumberTraces.Of(id))
                stored.Should().NotContain(trace, "no ID number may be stored in clear, not even in part");
    }
}

public class when_an_officer_asks_for_and_then_erases_personal_data(StoreFixture f) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task the_export_reveals_the_number_until_the_erasure_destroys_the_key_for_good()
    {
        var (_, department) = await Arrange.CityWithDepartment(f, "P2");
        var officer = Arrange.Officer(department, name: "郑敏");
        await f.Get<OfficerCommands>().Handle(officer, Arrange.Admin);
        await f.Get<OfficerCommands>().Handle(Arrange.Officer(department, name: "冯军"), Arrange.Admin);
        var personalData = f.Get<OfficerPersonalData>();

        var before = await personalData.Export(officer.OfficerId, Arrange.Admin);
        before.Should().BeEquivalentTo(new { Name = "郑敏", NationalId = officer.NationalId.Value, NationalIdErased = false });

        var noReason = () => personalData.Erase(new EraseOfficerPersonalData(officer.OfficerId, " "), Arrange.Admin);
        await noReason.Should().ThrowAsync<DomainException>();
        var notAdmin = () => personalData.Erase(new EraseOfficerPersonalData(officer.OfficerId, "本人申请"), new Actor("trainer", [Roles.Trainer]));
        await notAdmin.Should().ThrowAsync<Exception>();

        await personalData.Erase(new EraseOfficerPersonalData(officer.OfficerId, "本人申请删除个人信息"), Arrange.Admin);
        await personalData.Erase(new EraseOfficerPersonalData(officer.OfficerId, "again"), Arrange.Admin);

        var after = await personalData.Export(officer.OfficerId, Arrange.Admin);
        after.Should().BeEquivalentTo(new { NationalId = (string?)null, NationalIdErased = true, before.NationalIdMasked });
        await using var session = f.Store.QuerySession();
        (await session.LoadAsync<PersonalDataKey>(officer.OfficerId)).Should().BeNull();
        var events = await session.Events.FetchStreamAsync(officer.OfficerId);
        events.Select(e => e.Data).OfType<OfficerPersonalDataErased>().Should().ContainSingle()
            .Which.Reason.Should().Be("本人申请删除个人信息");
        // The ciphertext is still in the registration event, and no key of this store opens it any more.
        var registeredEvent = events.Select(e => e.Data).OfType<OfficerRegistered>().Single();
        var keys = await session.Query<PersonalDataKey>().ToListAsync();
        keys.Should().NotBeEmpty("the other officer's key is still there, and must not open this officer's number");
        foreach (var key in keys)
            FluentActions.Invoking(() => f.Get<NationalIdProtector>().Reveal(registeredEvent.NationalId, key))
                .Should().Throw<System.Security.Cryptography.CryptographicException>();
    }
}
