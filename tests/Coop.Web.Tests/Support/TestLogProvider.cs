using Microsoft.Extensions.Logging;

namespace Coop.Web.Tests.Support;

/// <summary>Forwards the app's warnings and errors to the test output, so a failing test shows the server's side.</summary>
public sealed class TestLogProvider : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName);

    public void Dispose() { }

    private static readonly Lock FileLock = new();

    private sealed class Logger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var line = $"[{logLevel}] {category}: {formatter(state, exception)}{(exception is null ? "" : Environment.NewLine + exception)}";
            TestContext.Progress.WriteLine(line);
            // COOP_TEST_LOG=/path keeps the server's side of a failing run in a file.
            var file = Environment.GetEnvironmentVariable("COOP_TEST_LOG");
            if (!string.IsNullOrEmpty(file)) lock (FileLock) File.AppendAllText(file, line + Environment.NewLine);
        }
    }
}
