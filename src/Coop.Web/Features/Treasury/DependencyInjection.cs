using Coop.Web.Features.Treasury.Stripe;

namespace Coop.Web.Features.Treasury;

public static class DependencyInjection
{
    public static IHostApplicationBuilder AddTreasury(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<StripeOptions>(builder.Configuration.GetSection("Stripe"));
        builder.Services.AddHttpClient<StripeClient>(http => http.Timeout = TimeSpan.FromSeconds(20));
        builder.Services.AddScoped<Books>();
        builder.Services.AddScoped<DuesCalling>();
        builder.Services.AddScoped<PaymentDesk>();
        builder.Services.AddScoped<WalletDesk>();
        builder.Services.AddScoped<CheckoutDesk>();
        builder.Services.AddScoped<StripeEvents>();
        builder.Services.AddScoped<DuesReminders>();
        builder.Services.AddScoped<TreasuryQueries>();
        builder.Services.AddSingleton<TreasuryClock>();
        // Tests drive the clock themselves (Treasury:Clock=false).
        if (builder.Configuration.GetValue("Treasury:Clock", true)) builder.Services.AddHostedService<TreasuryClockService>();
        return builder;
    }
}
