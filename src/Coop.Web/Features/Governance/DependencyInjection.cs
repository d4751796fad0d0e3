using Coop.Web.Infrastructure;

namespace Coop.Web.Features.Governance;

public static class DependencyInjection
{
    public static IHostApplicationBuilder AddGovernance(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSignalR();
        services.AddScoped<TenantTime>();
        services.AddScoped<DecisionRules>();
        services.AddScoped<Eligibility>();
        services.AddScoped<VoteCounting>();
        services.AddScoped<BallotCasting>();
        services.AddScoped<VoteLifecycle>();
        services.AddScoped<PollStarter>();
        services.AddScoped<VoteReader>();
        services.AddScoped<GovernanceMails>();
        services.AddScoped<MinutesWriter>();
        services.AddScoped<AssemblyFlow>();
        services.AddScoped<AssemblyReader>();
        services.AddSingleton<AssemblyLive>();
        services.AddSingleton<GovernanceClock>();
        // Tests drive the clock themselves (Governance:Clock=false).
        if (builder.Configuration.GetValue("Governance:Clock", true)) services.AddHostedService<GovernanceClockService>();
        return builder;
    }

    /// <summary>Live updates for assemblies, under the cooperative's path so the tenant is resolved as for any page.</summary>
    public static IEndpointRouteBuilder MapGovernanceHub(this IEndpointRouteBuilder app)
    {
        app.MapHub<AssemblyHub>("/c/{tenant}/live/assembly");
        return app;
    }
}
