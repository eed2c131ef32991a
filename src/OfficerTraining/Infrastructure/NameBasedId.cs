using System.Security.Cryptography;
using System.Text;

namespace OfficerTraining.Infrastructure;

/// <summary>Ids derived from a name (a question's code, an officer's training record, an attempt's slot): the same
/// name always names the same stream, so two requests creating it meet in the database and only one succeeds.</summary>
public static class NameBasedId
{
    public static Guid For(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8 (custom)
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
