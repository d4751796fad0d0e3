using Coop.Domain.Membership;
using Coop.Domain.Tenancy;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Settings;

public sealed class GeneralSettingsForm
{
    public string Name { get; set; } = string.Empty;
    public string? Description { get; set; }
    public string? ContactEmail { get; set; }
    public string Locale { get; set; } = TenantLocale.FrenchFrance;
    public string TimeZoneId { get; set; } = "Europe/Paris";
    public string Currency { get; set; } = TenantCurrency.Euro;
    public LegalForm LegalForm { get; set; }
    public bool PublicCommunity { get; set; }
    public bool CommunityThanks { get; set; }
    public int NewMemberDays { get; set; } = 7;
    public int NewMemberDailyPosts { get; set; } = 5;
}

public sealed class GeneralSettingsFormValidator : AbstractValidator<GeneralSettingsForm>
{
    public GeneralSettingsFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(_ => l["Validation.Required"]).MaximumLength(200).WithMessage(_ => l["Validation.TooLong", 200]);
        RuleFor(x => x.Description).MaximumLength(4000).WithMessage(_ => l["Validation.TooLong", 4000]);
        RuleFor(x => x.ContactEmail).EmailAddress().WithMessage(_ => l["Validation.Email"]).When(x => !string.IsNullOrWhiteSpace(x.ContactEmail));
        RuleFor(x => x.Locale).Must(TenantLocale.IsSupported).WithMessage(_ => l["Validation.ValueInvalid"]);
        RuleFor(x => x.Currency).Must(TenantCurrency.IsSupported).WithMessage(_ => l["Validation.ValueInvalid"]);
        RuleFor(x => x.TimeZoneId).Must(tz => TimeZoneInfo.TryFindSystemTimeZoneById(tz ?? "", out _)).WithMessage(_ => l["Validation.TimeZone"]);
        RuleFor(x => x.LegalForm).IsInEnum().WithMessage(_ => l["Validation.ValueInvalid"]);
        RuleFor(x => x.NewMemberDays).InclusiveBetween(0, 365).WithMessage(_ => l["Validation.Between", 0, 365]);
        RuleFor(x => x.NewMemberDailyPosts).InclusiveBetween(0, 100).WithMessage(_ => l["Validation.Between", 0, 100]);
    }
}

/// <summary>The whole set of colleges and categories, edited and checked together (a sum of weights only makes sense as a whole).</summary>
public sealed class StatutesForm
{
    public bool ProxiesAllowed { get; set; }
    public decimal ShareNominalValue { get; set; }
    public List<CollegeRow> Colleges { get; set; } = [];
    public List<CategoryRow> Categories { get; set; } = [];
}

public sealed class CollegeRow
{
    public Guid? Id { get; set; }
    public string? Name { get; set; }
    public int? Weight { get; set; }
}

public sealed class CategoryRow
{
    public Guid? Id { get; set; }
    public string? Name { get; set; }
    public CategoryKind Kind { get; set; } = CategoryKind.User;
    public int MinimumShares { get; set; } = 1;
    public string? College { get; set; }
}

public sealed class StatutesFormValidator : AbstractValidator<StatutesForm>
{
    public StatutesFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.ShareNominalValue).GreaterThan(0).WithMessage(_ => l["Validation.Positive"]).LessThanOrEqualTo(100_000).WithMessage(_ => l["Validation.TooLarge"]);
        RuleForEach(x => x.Colleges).ChildRules(row =>
        {
            row.RuleFor(r => r.Weight).NotNull().WithMessage(_ => l["Statutes.WeightRequired"]).InclusiveBetween(0, 100).WithMessage(_ => l["Statutes.WeightRange"])
                .When(r => !string.IsNullOrWhiteSpace(r.Name));
            row.RuleFor(r => r.Name).MaximumLength(100).WithMessage(_ => l["Validation.TooLong", 100]);
        });
        RuleForEach(x => x.Categories).ChildRules(row =>
        {
            row.RuleFor(r => r.MinimumShares).InclusiveBetween(0, 100_000).WithMessage(_ => l["Validation.ValueInvalid"]);
            row.RuleFor(r => r.Kind).IsInEnum().WithMessage(_ => l["Validation.ValueInvalid"]);
            row.RuleFor(r => r.Name).MaximumLength(100).WithMessage(_ => l["Validation.TooLong", 100]);
        });
    }
}
