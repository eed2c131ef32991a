using Marten;
using OfficerTraining.Agencies;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.Officers;

public sealed record OfficerImportResult(int Accepted, IReadOnlyList<ImportError> Errors, bool Saved)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>Imports officers from CSV, all or nothing: every line is checked first, and only a file without a single
/// problem is written, in one transaction.</summary>
public sealed class OfficerImport(IDocumentStore store, OfficerCommands commands, NationalIdProtector protector)
{
    public async Task<OfficerImportResult> Run(
        string fileName, TextReader reader, Actor actor, bool dryRun = false, CancellationToken ct = default)
    {
        actor.Require(Roles.Administrator);
        var (rows, missingColumn) = CsvTable.Read(reader, OfficerCsv.Columns);
        if (missingColumn is not null)
            return Failed(new ImportError(fileName, 1, missingColumn, Messages.Format("Import.MissingColumn", missingColumn)));
        if (rows.Count == 0) return Failed(new ImportError(fileName, 1, "", Messages.Format("Import.Empty")));

        await using var session = store.OpenSession(actor);
        var agencies = (await session.Query<Agency>().ToListAsync(ct)).ToDictionary(a => a.Code, StringComparer.OrdinalIgnoreCase);
        var errors = new List<ImportError>();
        var parsed = new List<(CsvRow Row, RegisterOfficer Command, string Hash)>();
        foreach (var row in rows)
        {
            var error = (string field, string key, object[] args) =>
                errors.Add(new ImportError(fileName, row.Line, field, Messages.Format(key, args)));
            if (Parse(row, agencies, error) is { } command)
                parsed.Add((row, command, protector.LookupHash(command.NationalId)));
        }

        var hashes = parsed.Select(p => p.Hash).ToArray();
        var registered = (await session.Query<Officer>().Where(o => o.NationalId.LookupHash.IsOneOf(hashes))
            .Select(o => o.NationalId.LookupHash).ToListAsync(ct)).ToHashSet();
        var firstLineOf = new Dictionary<string, int>();
        foreach (var (row, command, hash) in parsed)
        {
            if (!firstLineOf.TryAdd(hash, row.Line))
            {
                errors.Add(new ImportError(fileName, row.Line, "national_id",
                    Messages.Format("Import.DuplicateNationalId", command.NationalId.Masked, firstLineOf[hash])));
                continue;
            }
            try
            {
                commands.Register(session, command, new(agencies.Values.FirstOrDefault(a => a.Id == command.AgencyId),
                    registered.Contains(hash)));
            }
            catch (DomainException e)
            {
                errors.Add(new ImportError(fileName, row.Line, FieldOf(e.Key), e.Message));
            }
        }

        if (errors.Count > 0) return new(0, errors.OrderBy(e => e.Line).ToList(), Saved: false);
        if (!dryRun) await session.SaveChangesTranslated(ct, uniqueViolationKey: "Officer.NationalIdTakenConcurrently");
        return new(parsed.Count, [], Saved: !dryRun);
    }

    static OfficerImportResult Failed(ImportError error) => new(0, [error], Saved: false);

    static RegisterOfficer? Parse(CsvRow row, Dictionary<string, Agency> agencies, Action<string, string, object[]> error)
    {
        var ok = true;
        void Fail(string field, string key, params object[] args) { error(field, key, args); ok = false; }
        var c = row.Cells;
        if (row.ExtraCells > 0) Fail("", "Import.ExtraCells", row.ExtraCells);
        foreach (var (field, _) in OfficerCsv.Columns)
            if (string.IsNullOrWhiteSpace(c[field])) Fail(field, "Import.Required", field);
            else if (Text.HasControlCharacter(c[field])) Fail(field, "Import.ControlCharacter", field);
        if (!ok) return null;

        var id = NationalIdNumber.TryParse(c["national_id"], out var idError);
        if (id is null) Fail("national_id", idError!);
        if (!agencies.TryGetValue(c["agency_code"].Trim(), out var agency)) Fail("agency_code", "Import.UnknownAgency", c["agency_code"]);
        if (!OfficerCsv.TryParseDomains(c["domains"], out var domains, out var unknown)) Fail("domains", "Import.UnknownDomain", unknown!);
        if (!OfficerCsv.TryParseEmploymentType(c["employment_type"], out var type))
            Fail("employment_type", "Import.UnknownEmploymentType", c["employment_type"]);
        return ok ? new RegisterOfficer(Guid.CreateVersion7(), c["name"], agency!.Id, c["position"], domains, type, id!) : null;
    }

    static string FieldOf(string key) => key switch
    {
        "Officer.TooYoung" or "Officer.NationalIdTaken" => "national_id",
        "Agency.NotFound" or "Agency.Inactive" => "agency_code",
        "Officer.DomainRequired" => "domains",
        _ => "",
    };
}
