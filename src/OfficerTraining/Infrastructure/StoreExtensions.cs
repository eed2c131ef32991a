using JasperFx;
using JasperFx.Events;
using Marten;
using Marten.Exceptions;
using Npgsql;

namespace OfficerTraining.Infrastructure;

/// <summary>The thin glue between a command handler and Marten: one session per command, the actor recorded on every
/// event, load → decide → append → save.</summary>
public static class StoreExtensions
{
    public static IDocumentSession OpenSession(this IDocumentStore store, Actor actor)
    {
        var session = store.LightweightSession();
        session.LastModifiedBy = actor.UserName;
        // Marten takes the trace id of the current request's Activity; a command outside any trace (a Blazor circuit
        // event, the command line) still gets one id, so everything it appended can be found together.
        if (string.IsNullOrEmpty(session.CorrelationId)) session.CorrelationId = Guid.NewGuid().ToString("N");
        return session;
    }

    /// <summary>Appends what <paramref name="decide"/> returns to an existing stream, checking that nobody changed the
    /// stream since <paramref name="expectedVersion"/> (the version a page showed) when one is given.</summary>
    public static async Task<long> DecideAndSave<T>(
        this IDocumentSession session, Guid id, long? expectedVersion, Func<T, Task<object[]>> decide,
        CancellationToken ct) where T : class
    {
        IEventStream<T> stream;
        try
        {
            stream = expectedVersion is { } v
                ? await session.Events.FetchForWriting<T>(id, v, ct)
                : await session.Events.FetchForWriting<T>(id, ct);
        }
        catch (ConcurrencyException)
        {
            throw new DomainException("Stream.Changed");
        }
        if (stream.Aggregate is null) throw new DomainException("Stream.NotFound", typeof(T).Name, id);
        var events = await decide(stream.Aggregate);
        stream.AppendMany(events);
        await session.SaveChangesTranslated(ct);
        return (stream.StartingVersion ?? 0) + events.Length;
    }

    public static Task<long> DecideAndSave<T>(
        this IDocumentSession session, Guid id, long? expectedVersion, Func<T, object[]> decide, CancellationToken ct)
        where T : class => session.DecideAndSave<T>(id, expectedVersion, a => Task.FromResult(decide(a)), ct);

    /// <summary>Saves, turning a lost race into a message a person can act on.</summary>
    public static async Task SaveChangesTranslated(this IDocumentSession session, CancellationToken ct,
        string uniqueViolationKey = "Unique.Violation")
    {
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (ConcurrencyException)
        {
            throw new DomainException("Stream.Changed");
        }
        catch (Exception e) when (e is MartenCommandException or DocumentAlreadyExistsException
                                  && e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new DomainException(uniqueViolationKey);
        }
        // The last line of defence for text that skipped the field checks: jsonb refuses U+0000 (22P05).
        catch (MartenCommandException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UntranslatableCharacter })
        {
            throw new DomainException("Text.ControlCharacter");
        }
        catch (Marten.Exceptions.ExistingStreamIdCollisionException)
        {
            throw new DomainException("Stream.AlreadyExists");
        }
    }
}
