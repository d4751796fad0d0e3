using Coop.Data;
using Coop.Domain.Tenancy;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Platform;

public sealed class OnboardForm
{
    public string Name { get; set; } = string.Empty;
    public string Slug { get; set; } = string.Empty;
    public LegalForm LegalForm { get; set; } = LegalForm.Scic;
    public string CountryCode { get; set; } = "FR";
    public string Region { get; set; } = string.Empty;
    public string Locality { get; set; } = string.Empty;
    public string Locale { get; set; } = TenantLocale.FrenchFrance;
    public string TimeZoneId { get; set; } = "Europe/Paris";
    public string Currency { get; set; } = TenantCurrency.Euro;
    public string AdminEmail { get; set; } = string.Empty;
}

public sealed class OnboardFormValidator : AbstractValidator<OnboardForm>
{
    public OnboardFormValidator(IStringLocalizer<SharedResource> l, CoopDbContext db)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(_ => l["Validation.Required"]).MaximumLength(200).WithMessage(_ => l["Validation.TooLong", 200]);
        RuleFor(x => x.Slug).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => l["Validation.Required"])
            .Must(TenantSlug.IsWellFormed).WithMessage(_ => l["Validation.SlugShape"])
            .Must(s => !TenantSlug.IsReserved(s)).WithMessage(_ => l["Validation.SlugReserved"])
            .MustAsync(async (s, ct) => !await db.Tenants.AnyAsync(t => t.Slug == s, ct)).WithMessage(_ => l["Validation.SlugTaken"]);
        RuleFor(x => x.LegalForm).IsInEnum().WithMessage(_ => l["Validation.ValueInvalid"]);
        RuleFor(x => x.CountryCode).Matches("^[A-Za-z]{2}$").WithMessage(_ => l["Validation.CountryCode"]);
        RuleFor(x => x.Region).NotEmpty().WithMessage(_ => l["Validation.Required"]).MaximumLength(100).WithMessage(_ => l["Validation.TooLong", 100]);
        RuleFor(x => x.Locality).NotEmpty().WithMessage(_ => l["Validation.Required"]).MaximumLength(100).WithMessage(_ => l["Validation.TooLong", 100]);
        RuleFor(x => x.Locale).Must(TenantLocale.IsSupported).WithMessage(_ => l["Validation.ValueInvalid"]);
        RuleFor(x => x.Currency).Must(TenantCurrency.IsSupported).WithMessage(_ => l["Validation.ValueInvalid"]);
        RuleFor(x => x.TimeZoneId).Must(tz => TimeZoneInfo.TryFindSystemTimeZoneById(tz ?? "", out _)).WithMessage(_ => l["Validation.TimeZone"]);
        RuleFor(x => x.AdminEmail).EmailAddress().WithMessage(_ => l["Validation.Email"]).NotEmpty().WithMessage(_ => l["Validation.Required"]);
    }
}

public sealed class ReasonForm
{
    public string Reason { get; set; } = string.Empty;
}

public sealed class ReasonFormValidator : AbstractValidator<ReasonForm>
{
    public ReasonFormValidator(IStringLocalizer<SharedResource> l) =>
        RuleFor(x => x.Reason).NotEmpty().WithMessage(_ => l["Validation.ReasonRequired"]).MaximumLength(1000).WithMessage(_ => l["Validation.TooLong", 1000]);
}
