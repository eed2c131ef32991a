using Marten;
using OfficerTraining.Infrastructure;
using OfficerTraining.Officers;

namespace OfficerTraining.Training;

public sealed record AttendanceImportResult(int Attendees, IReadOnlyList<ImportError> Errors, bool Saved)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>Records an in-person session from its attendance list, all or nothing: every line is checked first, and the
/// session and its credits are written only when the whole file is clean, in one transaction.</summary>
public sealed class InPersonAttendanceImport(IDocumentStore store, NationalIdProtector protector)
{
    /// <param name="session">The session's details; its attendees are ignored and taken from the file.</param>
    public async Task<AttendanceImportResult> Run(
        string fileName, TextReader reader, RecordInPersonSession session, Actor actor, bool dryRun = false,
        CancellationToken ct = default)
    {
        actor.Require(Roles.Trainer, Roles.Administrator);
        TrainingDecider.CheckSession(session);
        var (rows, missingColumn) = CsvTable.Read(reader, InPersonAttendanceCsv.Columns);
        if (missingColumn is not null)
            return Failed(new ImportError(fileName, 1, missingColumn, Messages.Format("Import.MissingColumn", missingColumn)));
        if (rows.Count == 0) return Failed(new ImportError(fileName, 1, "", Messages.Format("Import.Empty")));

        var errors = new List<ImportError>();
        void Error(CsvRow row, string field, string key, params object[] args) =>
            errors.Add(new ImportError(fileName, row.Line, field, Messages.Format(key, args)));
        var parsed = new List<(CsvRow Row, NationalIdNumber Id, string Hash)>();
        foreach (var row in rows)
        {
            var missing = row.ExtraCells > 0;
            if (missing) Error(row, "", "Import.ExtraCells", row.ExtraCells);
            foreach (var (field, headers) in InPersonAttendanceCsv.Columns)
                if (string.IsNullOrWhiteSpace(row.Cells[field]))
                {
                    Error(row, field, "Import.Required", headers[0]);
                    missing = true;
                }
            if (missing) continue;
            var id = NationalIdNumber.TryParse(row.Cells["national_id"], out var idError);
            if (id is null) Error(row, "national_id", idError!);
            else parsed.Add((row, id, protector.LookupHash(id)));
        }

        await using var db = store.OpenSession(actor);
        var hashes = parsed.Select(p => p.Hash).Distinct().ToArray();
        var officers = (await db.Query<Officer>().Where(o => o.NationalId.LookupHash.IsOneOf(hashes)).ToListAsync(ct))
            .ToDictionary(o => o.NationalId.LookupHash);
        var firstLineOf = new Dictionary<string, int>();
        var attendees = new List<Guid>();
        foreach (var (row, id, hash) in parsed)
        {
            if (!firstLineOf.TryAdd(hash, row.Line))
                Error(row, "national_id", "Import.DuplicateNationalId", id.Masked, firstLineOf[hash]);
            else if (!officers.TryGetValue(hash, out var officer))
                Error(row, "national_id", "Training.UnknownNationalId", id.Masked);
            else if (!string.Equals(officer.Name.Trim(), row.Cells["name"].Trim(), StringComparison.Ordinal))
                Error(row, "name", "Training.NameMismatch", row.Cells["name"], id.Masked);
            else if (!officer.Active)
                Error(row, "national_id", "Training.AttendeeInactive", officer.Name);
            else attendees.Add(officer.Id);
        }

        if (errors.Count > 0) return new(0, errors.OrderBy(e => e.Line).ToList(), Saved: false);
        await TrainingCommands.Stage(db, session with { Attendees = attendees }, actor, ct);
        if (!dryRun) await db.SaveChangesTranslated(ct);
        return new(attendees.Count, [], Saved: !dryRun);
    }

    static AttendanceImportResult Failed(ImportError error) => new(0, [error], Saved: false);
}
