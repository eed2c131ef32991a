using JasperFx.Events;
using Marten;
using Npgsql;
using OfficerTraining.Accounts;
using OfficerTraining.Agencies;
using OfficerTraining.Certificates;
using OfficerTraining.Courses;
using OfficerTraining.Exams;
using OfficerTraining.Notifications;
using OfficerTraining.Officers;
using OfficerTraining.QuestionBank;
using OfficerTraining.Reports;
using OfficerTraining.Settings;
using OfficerTraining.Training;
using Weasel.Core;

namespace OfficerTraining.Infrastructure;

/// <summary>The one Marten configuration, shared by the app, the command line and the tests.</summary>
public static class MartenSetup
{
    public const string DefaultSchema = "officer_training";

    public static StoreOptions ConfigureOfficerTraining(this StoreOptions opts, string connectionString,
        string schema = DefaultSchema)
    {
        opts.Connection(WithPreparedStatements(connectionString));
        opts.DatabaseSchemaName = schema;
        // The async daemon's leader lock is a PostgreSQL advisory lock, which is per database, not per schema: each
        // schema gets its own, or two apps (or test classes) on one database would elect one leader between them.
        opts.Projections.DaemonLockId = LockIdOf(schema);
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString);

        opts.Events.StreamIdentity = StreamIdentity.AsGuid;
        opts.Events.UseMandatoryStreamTypeDeclaration = true;
        opts.Events.MetadataConfig.CorrelationIdEnabled = true;
        opts.Events.MetadataConfig.CausationIdEnabled = true;
        opts.Events.MetadataConfig.HeadersEnabled = true;
        opts.Events.MetadataConfig.UserNameEnabled = true;

        opts.ConfigureAgencies();
        opts.ConfigureOfficers();
        opts.ConfigureAccounts();
        opts.ConfigureQuestionBank();
        opts.ConfigureExams();
        opts.ConfigureTraining();
        opts.ConfigureCourses();
        opts.ConfigureNotifications();
        opts.ConfigureCertificates();
        opts.ConfigureReports();
        opts.ConfigureSettings();
        return opts;
    }

    /// <summary>Npgsql prepares a statement once it has run twice on a connection, unless the connection string says
    /// otherwise. Marten writes with the same few statements every time (an answer: the quick append and the answer
    /// sheet's upsert), so PostgreSQL stops parsing and planning them per call: in the answers benchmark this took about a
    /// third off PostgreSQL's CPU per saved answer.</summary>
    public static string WithPreparedStatements(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare > 0) return connectionString;
        (builder.MaxAutoPrepare, builder.AutoPrepareMinUsages) = (64, 2);
        return builder.ConnectionString;
    }

    /// <summary>A stable advisory lock id for <paramref name="schema"/> (the same on every node and every start).</summary>
    public static int LockIdOf(string schema) =>
        BitConverter.ToInt32(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("daemon/" + schema))) & 0x7FFFFFFF;
}
