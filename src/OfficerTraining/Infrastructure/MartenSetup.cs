using JasperFx.Events;
using Marten;
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
        opts.Connection(connectionString);
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

    /// <summary>A stable advisory lock id for <paramref name="schema"/> (the same on every node and every start).</summary>
    public static int LockIdOf(string schema) =>
        BitConverter.ToInt32(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("daemon/" + schema))) & 0x7FFFFFFF;
}
