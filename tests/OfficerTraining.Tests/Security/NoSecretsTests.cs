using System.Diagnostics;
using System.Text.RegularExpressions;

namespace OfficerTraining.Tests.Security;

/// <summary>
/// Nothing secret is committed: no private key, no connection string with a password, no personal-data secret (the
/// file the app generates in Development, or a value in configuration). Production takes them from the environment
/// (README, Configuration). Scans every file git tracks, from the repository root.
/// </summary>
public partial class the_repository_holds_no_secrets
{
    /// <summary>Files allowed to match, each with its reason. Keep this short: a fixture is better built at run time.</summary>
    static readonly Dictionary<string, string> Allowed = new()
    {
        // (none today)
    };

    [Fact]
    public void no_tracked_file_holds_a_private_key_a_password_in_a_connection_string_or_the_personal_data_secret()
    {
        var root = RepositoryRoot();
        var files = Git(root, "ls-files", "-z").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        files.Should().Contain("OfficerTraining.sln", "git lists the repository's files");

        var findings = files.Where(f => !Allowed.ContainsKey(f) && File.Exists(Path.Combine(root, f)))
            .SelectMany(f => Scan(f, File.ReadAllBytes(Path.Combine(root, f))))
            .ToList();

        findings.Should().BeEmpty("secrets belong in the environment, not in git:\n" + string.Join("\n", findings));
    }

    [Theory]
    [InlineData("deploy/key.pem", "-----BEGIN RSA PRIVATE" + " KEY-----")]
    [InlineData("id", "-----BEGIN OPENSSH PRIVATE" + " KEY-----")]
    [InlineData("appsettings.Production.json", """ "Marten": "Host=db;Username=ot;Pass""" + """word=hunter22;Database=ot" """)]
    [InlineData("run.sh", "export TEST_PG='Server=10.0.0.5;User Id=sa;Pwd" + "=S3cret!'")]
    [InlineData("compose.yml", "DATABASE_URL: postgres://ot:" + "hunter22@db:5432/ot")]
    [InlineData("data/personal-data.secret", "anything")]
    [InlineData("appsettings.json", """ "PersonalData": { "Sec""" + """ret": "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=" } """)]
    [InlineData(".env", "PersonalData__Sec" + "ret=AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=")]
    public void the_scan_finds_each_kind_and_names_the_file_and_line(string path, string line)
    {
        var findings = Scan(path, System.Text.Encoding.UTF8.GetBytes("first line\n" + line + "\n"));
        findings.Should().ContainSingle().Which.Should().StartWith(path.EndsWith(".secret") ? path : $"{path}:2:");
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres")]
    [InlineData("Password = 8 characters or more")]
    [InlineData("""o.Password.RequiredLength = 8;""")]
    [InlineData("""["Input.Password"] = password,""")]
    [InlineData("PersonalData:Secret is not configured")]
    public void ordinary_code_and_passwordless_connection_strings_pass(string line) =>
        Scan("src/Some.cs", System.Text.Encoding.UTF8.GetBytes(line)).Should().BeEmpty();

    /// <summary>"path:line: what" for each secret in a file; binary files are skipped, a secret file is named whole.</summary>
    static IEnumerable<string> Scan(string path, byte[] content)
    {
        if (Path.GetFileName(path) == "personal-data.secret" || Path.GetExtension(path) is ".pfx" or ".p12")
        {
            yield return $"{path}: a secret file";
            yield break;
        }
        if (content.AsSpan(0, Math.Min(content.Length, 8000)).Contains((byte)0)) yield break;
        var lines = System.Text.Encoding.UTF8.GetString(content).Split('\n');
        for (var i = 0; i < lines.Length; i++)
            foreach (var (kind, pattern) in Patterns)
                if (pattern.IsMatch(lines[i]))
                    yield return $"{path}:{i + 1}: {kind}";
    }

    static readonly (string Kind, Regex Pattern)[] Patterns =
    [
        ("a private key", PrivateKey()),
        ("a connection string with a password", ConnectionPassword()),
        ("a database URL with a password", UrlPassword()),
        ("the personal-data secret", PersonalDataSecret()),
    ];

    [GeneratedRegex(@"-----BEGIN (RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY( BLOCK)?-----")]
    private static partial Regex PrivateKey();

    /// <summary>Password=/Pwd= with a value, in the same string as a host or server: a connection string.</summary>
    [GeneratedRegex(@"(?i)(host|server|data source)\s*=[^;""'\s]+;.*\b(password|pwd)\s*=\s*[^;""'\s{$]")]
    private static partial Regex ConnectionPassword();

    [GeneratedRegex(@"(?i)\b(postgres|postgresql|mysql|sqlserver|mongodb)://[^:/@\s]+:[^@/\s]+@")]
    private static partial Regex UrlPassword();

    /// <summary>A base64 value of 32 bytes or more for PersonalData:Secret (JSON "Secret": "…", PersonalData__Secret=…).</summary>
    [GeneratedRegex(@"(?i)(PersonalData(__|:)Secret\s*[=:]\s*|""Secret""\s*:\s*"")['""]?[A-Za-z0-9+/]{43,}={0,2}")]
    private static partial Regex PersonalDataSecret();

    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OfficerTraining.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No OfficerTraining.sln above {AppContext.BaseDirectory}.");
    }

    static string Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEndAsync();
        var error = git.StandardError.ReadToEndAsync();
        git.WaitForExit();
        git.ExitCode.Should().Be(0, "git ls-files must work in {0}: {1}", directory, error.Result);
        return output.Result;
    }
}
