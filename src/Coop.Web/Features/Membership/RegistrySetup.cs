using Coop.Web.Features.Audit;
using Coop.Web.Features.Charter;

namespace Coop.Web.Features.Membership;

public static class RegistrySetup
{
    /// <summary>The member registry, charter and audit log services.</summary>
    public static IHostApplicationBuilder AddRegistry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddScoped<CharterQueries>();
        builder.Services.AddScoped<InvitationMails>();
        builder.Services.AddScoped<SupportAccess>();
        return builder;
    }
}
