using Coop.Domain.Community;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Coop.Web.Features.Community;

public sealed class SpaceForm
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public SpaceVisibility Visibility { get; set; } = SpaceVisibility.Members;
}

public sealed class SpaceFormValidator : AbstractValidator<SpaceForm>
{
    public SpaceFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(_ => l["Validation.Required"]).MaximumLength(Space.MaxNameLength).WithMessage(_ => l["Validation.TooLong", Space.MaxNameLength]);
        RuleFor(x => x.Description).MaximumLength(Space.MaxDescriptionLength).WithMessage(_ => l["Validation.TooLong", Space.MaxDescriptionLength]);
        RuleFor(x => x.Visibility).IsInEnum().WithMessage(_ => l["Validation.ValueInvalid"]);
    }
}

public sealed class PostForm
{
    public string? Title { get; set; }
    public string? Body { get; set; }
}

public sealed class PostFormValidator : AbstractValidator<PostForm>
{
    public PostFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Title).MaximumLength(Post.MaxTitleLength).WithMessage(_ => l["Validation.TooLong", Post.MaxTitleLength]);
        RuleFor(x => x.Body).Must(b => !string.IsNullOrWhiteSpace(b)).WithMessage(_ => l["Community.EmptyPost"])
            .MaximumLength(Post.MaxBodyLength).WithMessage(_ => l["Community.TooLong", Post.MaxBodyLength]);
    }
}

public sealed class CommentForm
{
    public string? Body { get; set; }
    public Guid? ParentId { get; set; }
}

public sealed class CommentFormValidator : AbstractValidator<CommentForm>
{
    public CommentFormValidator(IStringLocalizer<SharedResource> l) =>
        RuleFor(x => x.Body).Must(b => !string.IsNullOrWhiteSpace(b)).WithMessage(_ => l["Community.EmptyComment"])
            .MaximumLength(Comment.MaxBodyLength).WithMessage(_ => l["Community.TooLong", Comment.MaxBodyLength]);
}
