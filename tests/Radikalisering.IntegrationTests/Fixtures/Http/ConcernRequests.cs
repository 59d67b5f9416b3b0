using System.Net.Http.Headers;
using Radikalisering.Core.Concerns;

namespace Radikalisering.IntegrationTests.Fixtures.Http;

/// <summary>Shorthands for the concern API's requests.</summary>
internal static class ConcernRequests
{
    public const string Staff = "00000000-0000-0000-0000-0000000000aa";
    public const string Example = """{ "receivedOn": "2026-03-14", "subjectUnder18": true, "reporter": "municipalEmployee", "outcome": "pending" }""";

    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, string json, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/concerns") { Content = ApiJson.Body(json) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    public static async Task<(ConcernView View, string ETag)> CreateAsync(this HttpClient client, string json = Example)
    {
        using var response = await client.PostAsync(json);
        response.EnsureSuccessStatusCode();
        return (await response.ReadAsync<ConcernView>(), response.Headers.ETag!.ToString());
    }

    public static async Task<HttpResponseMessage> PatchAsync(this HttpClient client, ConcernView concern, string json, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, UrlOf(concern))
        {
            Content = ApiJson.Body(json, "application/merge-patch+json"),
        };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }

        return await client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> DeleteAsync(this HttpClient client, ConcernView concern, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, UrlOf(concern));
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }

        return await client.SendAsync(request);
    }

    /// <summary>A concern as <c>GET /api/concerns/{year}/{id}</c> returns it now.</summary>
    public static async Task<ConcernView> ReadConcernAsync(this HttpClient client, ConcernView concern)
    {
        using var response = await client.GetAsync(UrlOf(concern));
        response.EnsureSuccessStatusCode();
        return await response.ReadAsync<ConcernView>();
    }

    /// <summary>The first page of a year's concerns.</summary>
    public static async Task<IReadOnlyList<ConcernView>> ListYearAsync(this HttpClient client, int year)
    {
        using var response = await client.GetAsync($"/api/concerns?year={year}");
        return (await response.ReadAsync<ConcernPage>()).Items;
    }

    public static string UrlOf(ConcernView concern) => $"/api/concerns/{concern.Year}/{concern.Id}";
}
