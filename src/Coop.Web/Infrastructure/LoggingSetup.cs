namespace Coop.Web.Infrastructure;

public static class LoggingSetup
{
    /// <summary>Structured JSON logs outside Development (one event per line, scopes included), readable text in Development.</summary>
    public static IHostApplicationBuilder AddCoopLogging(this IHostApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment()) return builder;
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        return builder;
    }
}
