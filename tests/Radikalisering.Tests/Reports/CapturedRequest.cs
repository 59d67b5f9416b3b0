namespace Radikalisering.Tests.Reports;

internal sealed record CapturedRequest(HttpMethod Method, Uri Uri, string? Authorization, string? ContentType, string Body, DateTimeOffset At);
