using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Coop.Web.Tests.Support;

/// <summary>
/// A real SMTP listener on a loopback port: the app's SMTP client connects, speaks the protocol and delivers,
/// and tests read what arrived. It understands just enough MIME to give back each mail's plain-text part.
/// </summary>
public sealed partial class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<ReceivedMail> _mails = new();
    private readonly Task _loop;

    public SmtpSink()
    {
        _listener.Start();
        _loop = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public IReadOnlyList<ReceivedMail> Mails => _mails.ToList();

    public IReadOnlyList<ReceivedMail> To(string address) =>
        _mails.Where(m => m.To.Contains(address, StringComparer.OrdinalIgnoreCase)).ToList();

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 coop-test-smtp ready");
        var recipients = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO" or "HELO":
                    await writer.WriteLineAsync("250 coop-test-smtp");
                    break;
                case "MAIL":
                    recipients.Clear();
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    recipients.Add(Address().Match(line).Groups[1].Value);
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                        data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                    _mails.Enqueue(ReceivedMail.Parse(recipients.ToList(), data.ToString()));
                    await writer.WriteLineAsync("250 OK queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("250 OK");
                    break;
            }
        }
    }

    [GeneratedRegex("<([^>]+)>")]
    private static partial Regex Address();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}

public sealed partial record ReceivedMail(IReadOnlyList<string> To, string Subject, string Text, string Raw)
{
    public string FirstLink() => Link().Match(Text).Value;

    public IReadOnlyList<string> Links() => Link().Matches(Text).Select(m => m.Value).ToList();

    public string HeaderValue(string name) => Header(Raw[..Raw.IndexOf("\r\n\r\n", StringComparison.Ordinal)], name);

    public static ReceivedMail Parse(List<string> to, string raw)
    {
        var headerEnd = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = raw[..headerEnd];
        var subject = DecodeWords(Header(headers, "Subject"));
        var text = PlainPart(raw);
        return new ReceivedMail(to, subject, text, raw);
    }

    private static string Header(string headers, string name)
    {
        var unfolded = headers.Replace("\r\n ", " ", StringComparison.Ordinal).Replace("\r\n\t", " ", StringComparison.Ordinal);
        var line = unfolded.Split("\r\n").FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase));
        return line?[(name.Length + 1)..].Trim() ?? string.Empty;
    }

    // Finds the text/plain part of a (possibly multipart) message and undoes its transfer encoding.
    private static string PlainPart(string raw)
    {
        var index = raw.IndexOf("Content-Type: text/plain", StringComparison.OrdinalIgnoreCase);
        if (index < 0) return raw;
        var part = raw[index..];
        var bodyStart = part.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4;
        var partHeaders = part[..bodyStart];
        var body = part[bodyStart..];
        var boundary = body.IndexOf("\r\n--", StringComparison.Ordinal);
        if (boundary >= 0) body = body[..boundary];
        var encoding = Header(partHeaders, "Content-Transfer-Encoding").ToLowerInvariant();
        return encoding switch
        {
            "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\r\n", "", StringComparison.Ordinal))),
            "quoted-printable" => QuotedPrintable(body),
            _ => body,
        };
    }

    private static string QuotedPrintable(string body)
    {
        var joined = body.Replace("=\r\n", "", StringComparison.Ordinal);
        var bytes = new List<byte>();
        for (var i = 0; i < joined.Length; i++)
        {
            if (joined[i] == '=' && i + 2 < joined.Length && Uri.IsHexDigit(joined[i + 1]) && Uri.IsHexDigit(joined[i + 2]))
            {
                bytes.Add(Convert.ToByte(joined.Substring(i + 1, 2), 16));
                i += 2;
            }
            else bytes.AddRange(Encoding.UTF8.GetBytes(joined[i].ToString()));
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static string DecodeWords(string value) => EncodedWord().Replace(BetweenWords().Replace(value, "?==?"), m =>
    {
        var payload = m.Groups[2].Value;
        var bytes = m.Groups[1].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
            ? Convert.FromBase64String(payload)
            : Encoding.UTF8.GetBytes(QuotedPrintable(payload.Replace('_', ' ')));
        return Encoding.UTF8.GetString(bytes);
    });

    [GeneratedRegex(@"\?=\s+=\?")]
    private static partial Regex BetweenWords();

    [GeneratedRegex(@"=\?utf-8\?([BQ])\?([^?]*)\?=", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedWord();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
