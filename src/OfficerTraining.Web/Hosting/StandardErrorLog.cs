using System.Text;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Compact;

namespace OfficerTraining.Web.Hosting;

/// <summary>
/// The log as JSON lines on standard error, outside Development. A line a write is what a busy node cannot afford: the
/// public verification page logs every look-up, and at thousands a second one write each (which also wakes whatever
/// reads the log) cost a quarter of the page's CPU (the verify benchmark). So information lines go out in batches
/// (<see cref="Batching"/>: a write at least every 100 ms, none dropped: when the queue is full, loggers wait), and
/// warnings and errors are written at once, so the line that explains a crash is never held back. One writer under one
/// lock, so a batch and a warning never interleave inside a line.
/// </summary>
public sealed class StandardErrorLog : ILogEventSink, IBatchedLogEventSink, IDisposable
{
    public static readonly Serilog.Configuration.BatchingOptions Batching = new()
    {
        BatchSizeLimit = 1_000,
        BufferingTimeLimit = TimeSpan.FromMilliseconds(100),
        EagerlyEmitFirstEvent = true,
    };

    readonly ITextFormatter _formatter = new RenderedCompactJsonFormatter();
    readonly StreamWriter _out = new(Console.OpenStandardError(), new UTF8Encoding(false), 1 << 16);
    readonly Lock _lock = new();

    /// <summary>A warning or an error, written before the logging call returns.</summary>
    public void Emit(LogEvent logEvent)
    {
        lock (_lock)
        {
            _formatter.Format(logEvent, _out);
            _out.Flush();
        }
    }

    public Task EmitBatchAsync(IReadOnlyCollection<LogEvent> batch)
    {
        lock (_lock)
        {
            foreach (var logEvent in batch) _formatter.Format(logEvent, _out);
            _out.Flush();
        }
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        lock (_lock) _out.Flush();
    }
}
