using System.Security.Cryptography;
using System.Text;

namespace OfficerTraining.Officers;

/// <summary>What is stored of an ID number: a keyed hash to find the officer by number, the last four digits to show
/// it masked, and the number encrypted with the officer's own data key (destroying that key erases the number).</summary>
public sealed record ProtectedNationalId(string LookupHash, string Last4, string Cipher)
{
    public string Masked => NationalIdNumber.Mask(Last4);
}

/// <summary>A per-officer data key, itself encrypted with the application's personal-data secret.</summary>
public sealed record PersonalDataKey(Guid Id, string WrappedKey);

/// <summary>Hashes and encrypts ID numbers with keys derived from the application's personal-data secret.</summary>
public sealed class NationalIdProtector
{
    readonly byte[] _lookupKey;
    readonly byte[] _wrappingKey;

    public NationalIdProtector(byte[] secret)
    {
        if (secret.Length < 32) throw new ArgumentException("The personal-data secret must be at least 32 bytes.");
        _lookupKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: "national-id-lookup"u8.ToArray());
        _wrappingKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: "personal-data-key-wrap"u8.ToArray());
    }

    public string LookupHash(NationalIdNumber id) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_lookupKey, Encoding.ASCII.GetBytes(id.Value)));

    public (ProtectedNationalId Id, PersonalDataKey Key) Protect(Guid officerId, NationalIdNumber id)
    {
        var dataKey = RandomNumberGenerator.GetBytes(32);
        var cipher = Seal(dataKey, Encoding.ASCII.GetBytes(id.Value));
        return (new ProtectedNationalId(LookupHash(id), id.Last4, cipher),
                new PersonalDataKey(officerId, Seal(_wrappingKey, dataKey)));
    }

    public string Reveal(ProtectedNationalId id, PersonalDataKey key) =>
        Encoding.ASCII.GetString(Open(Open(_wrappingKey, key.WrappedKey), id.Cipher));

    static string Seal(byte[] key, byte[] plain)
    {
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var cipher = new byte[plain.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using var aes = new AesGcm(key, tag.Length);
        aes.Encrypt(nonce, plain, cipher, tag);
        return Convert.ToBase64String([.. nonce, .. tag, .. cipher]);
    }

    static byte[] Open(byte[] key, string sealedText)
    {
        var bytes = Convert.FromBase64String(sealedText);
        var nonce = bytes[..12];
        var tag = bytes[12..28];
        var plain = new byte[bytes.Length - 28];
        using var aes = new AesGcm(key, tag.Length);
        aes.Decrypt(nonce, bytes[28..], tag, plain);
        return plain;
    }
}
