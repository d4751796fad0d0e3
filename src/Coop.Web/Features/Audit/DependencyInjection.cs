namespace Coop.Web.Features.Audit;

public static class DependencyInjection
{
    /// <summary>The audit log, written in each use case's unit of work.</summary>
    public static IHostApplicationBuilder AddAudit(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<AuditLog>();
        return builder;
    }
}
