using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Marten;
using Marten.Services;
using OfficerTraining.Certificates;
using OfficerTraining.Officers;

namespace OfficerTraining.Web.Features.Certificates.Verification;

/// <summary>
/// What the public page by token has shown, so a scan costs neither a database round trip nor a render: each
/// certificate (with whether its holder has a photo), and each page as rendered for a language and a date, whose
/// "checked at" moment is replaced on every request (<see cref="VerificationEndpoints"/>). Nothing is served that a
/// later change on this node could have altered: every committed session whose events or documents touch a certificate
/// or an officer moves a generation, and anything kept under an older one is read and rendered again. A change
/// committed by another process (a second node, the command line) shows within <see cref="Lifetime"/> (an unknown
/// token becomes known only by an issue, which moves the generation too). Certificates are bounded by the register,
/// their pages by <see cref="MaxPages"/>; the "not found" pages of unknown tokens are kept apart, at most
/// <see cref="MaxUnknown"/> and dropped all at once when full, so guessing cannot push out a real card's page.
/// </summary>
public sealed class VerificationCache : DocumentSessionListenerBase
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);
    public const int MaxPages = 20_000;
    public const int MaxUnknown = 10_000;

    sealed record Entry(Certificate Certificate, bool HasPhoto, long Generation, long ReadAt);

    /// <summary>A rendered page as UTF-8, cut where its "checked at" moment was, so it is served again with the moment
    /// of that request and copied nowhere on the way.</summary>
    /// <param name="Certificate">Null: no certificate has the token (the page says "not found").</param>
    public sealed record Page(Certificate? Certificate, byte[] BeforeStamp, byte[] AfterStamp, DateOnly Date, long Generation, long ReadAt)
    {
        /// <param name="html">The page as rendered, showing <paramref name="stamp"/> once.</param>
        public static Page Of(Certificate? certificate, ReadOnlySpan<byte> html, string stamp, DateOnly date, long generation)
        {
            var cut = Encoding.UTF8.GetBytes(stamp);
            var at = html.IndexOf(cut);
            if (at < 0 || html.LastIndexOf(cut) != at)
                throw new InvalidOperationException($"The verification page must show its checked-at moment ({stamp}) once");
            return new(certificate, html[..at].ToArray(), html[(at + cut.Length)..].ToArray(), date, generation, Stopwatch.GetTimestamp());
        }
    }

    readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<(string Token, string Culture), Page> _pages = new();
    readonly ConcurrentDictionary<(string Token, string Culture), Page> _unknown = new();
    long _generation;

    /// <summary>Read before looking anything up; what is kept under it is discarded once it has moved.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>The certificate with this token and whether its holder has a photo; <paramref name="read"/> runs on a
    /// miss, and its answer is kept only if nothing changed while it ran.</summary>
    public async Task<(Certificate? Certificate, bool HasPhoto)> Get(string token,
        Func<string, CancellationToken, Task<(Certificate?, bool)>> read, CancellationToken ct)
    {
        var generation = Generation;
        if (_entries.TryGetValue(token, out var kept) && Fresh(kept.Generation, kept.ReadAt))
            return (kept.Certificate, kept.HasPhoto);
        var (certificate, hasPhoto) = await read(token, ct);
        if (certificate is not null) _entries[token] = new(certificate, hasPhoto, generation, Stopwatch.GetTimestamp());
        else _entries.TryRemove(token, out _);
        return (certificate, hasPhoto);
    }

    /// <summary>The page of the token as rendered for this language on this date, if still current.</summary>
    public Page? PageFor(string token, string culture, DateOnly date) =>
        (_pages.TryGetValue((token, culture), out var page) || _unknown.TryGetValue((token, culture), out page))
        && page.Date == date && Fresh(page.Generation, page.ReadAt) ? page : null;

    /// <param name="page">Rendered from what was read under the <see cref="Generation"/> it carries, read before the look-up.</param>
    public void Keep(string token, string culture, Page page)
    {
        var key = (token, culture);
        if (page.Certificate is null)
        {
            if (token.Length > 64) return; // never a token (CertificateRegister.ByToken does not even look it up)
            _pages.TryRemove(key, out _);
            if (_unknown.Count >= MaxUnknown) _unknown.Clear();
            _unknown[key] = page;
        }
        else
        {
            _unknown.TryRemove(key, out _);
            if (_pages.Count < MaxPages || _pages.ContainsKey(key)) _pages[key] = page;
        }
    }

    bool Fresh(long generation, long readAt) => generation == Generation && Stopwatch.GetElapsedTime(readAt) < Lifetime;

    /// <summary>Runs before SaveChangesAsync returns, so once a suspend or revoke command has returned, the next scan on
    /// this node reads the certificate again.</summary>
    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        if (commit.GetEvents().Any(e => Touches(e.EventType)) || commit.Updated.Concat(commit.Inserted).Concat(commit.Deleted)
                .Any(d => d is Certificate or Officer))
            Interlocked.Increment(ref _generation);
        return Task.CompletedTask;
    }

    static bool Touches(Type eventType) => eventType.Namespace is { } ns
        && (ns.StartsWith("OfficerTraining.Certificates", StringComparison.Ordinal) || ns.StartsWith("OfficerTraining.Officers", StringComparison.Ordinal));
}
