namespace Coop.Web.Features.Demo;

public static class DependencyInjection
{
    public static IHostApplicationBuilder AddDemo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DemoSeeder>();
        return builder;
    }
}
