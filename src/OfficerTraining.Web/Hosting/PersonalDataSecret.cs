using System.Security.Cryptography;
using OfficerTraining.Infrastructure;

namespace OfficerTraining.Web.Hosting;

/// <summary>
/// The secret that keys ID-number look-up hashes and wraps officers' data keys: <c>PersonalData:Secret</c> (base64, at
/// least 32 bytes) from configuration or the environment. Development without one gets a secret generated once into the
/// local data folder; anywhere else a missing secret stops the app, since a new one would orphan every stored number.
/// </summary>
public static class PersonalDataSecret
{
    public static byte[] Load(IConfiguration configuration, IHostEnvironment environment)
    {
        if (configuration["PersonalData:Secret"] is { Length: > 0 } configured)
        {
            var bytes = Convert.FromBase64String(configured);
            return bytes.Length >= 32 ? bytes
                : throw new InvalidOperationException("PersonalData:Secret must be base64 of at least 32 bytes.");
        }
        if (!environment.IsDevelopment())
            throw new InvalidOperationException(
                "PersonalData:Secret is not configured. Set it (base64 of 32 random bytes, e.g. `openssl rand -base64 32`) " +
                "in the environment as PersonalData__Secret and keep it with the database backups.");
        var path = Path.Combine(Path.GetDirectoryName(LocalDatabase.DefaultDataRoot())!, "personal-data.secret");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return Convert.FromBase64String(File.ReadAllText(path).Trim());
    }
}
