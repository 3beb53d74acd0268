using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MmluSharp.Testing;

namespace MmluSharp.Cli.Tests.Slurm;

/// <summary>
/// A one-node Slurm cluster of this machine, for one test: munged (as user munge, on its own socket), slurmctld and
/// slurmd (as root, in the foreground) with a slurm.conf written into a scratch folder, on free ports, so a
/// second run or another cluster on the machine is never touched. Dispose cancels the cluster's jobs and stops
/// every daemon it started by its PID.
/// </summary>
internal sealed class SlurmCluster : IDisposable
{
    private static readonly string[] Daemons = ["munged", "slurmctld", "slurmd"];
    private static readonly string[] Clients = ["sbatch", "squeue", "scontrol", "scancel", "sinfo"];
    private const string MungeKey = "/etc/munge/munge.key";

    private readonly List<Process> daemons = [];
    private readonly Action<string> log;

    private SlurmCluster(string scratch, Action<string> log)
    {
        Scratch = scratch;
        this.log = log;
    }

    /// <summary>The folder of slurm.conf, state, spool, logs and the munge socket.</summary>
    public string Scratch { get; }

    public string Config => Path.Combine(Scratch, "slurm.conf");

    /// <summary>The environment for Slurm's commands (and the jobs they submit) to reach this cluster.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>(StringComparer.Ordinal) { ["SLURM_CONF"] = Config };

    /// <summary>Why this machine cannot run the cluster (missing packages, not root), or null when it can.</summary>
    public static string? WhyNot()
    {
        if (!OperatingSystem.IsLinux() || System.Environment.UserName != "root")
        {
            return "the Slurm test needs Linux and root (it starts munged, slurmctld and slurmd)";
        }

        var missing = Daemons.Concat(Clients).Where(p => Which(p) is null).ToList();
        if (missing.Count > 0 || !File.Exists(MungeKey))
        {
            return $"Slurm is not installed (missing: {string.Join(", ", missing.DefaultIfEmpty(MungeKey))}); ./test.sh installs the Debian packages slurm-wlm and munge";
        }

        return null;
    }

    /// <summary>Starts the daemons and waits until the node is idle.</summary>
    public static async Task<SlurmCluster> StartAsync(Action<string> log)
    {
        var others = Process.GetProcessesByName("slurmctld");
        if (others.Length > 0)
        {
            log($"note: {others.Length} slurmctld already running (pid {string.Join(", ", others.Select(p => p.Id))}); this cluster uses its own ports, socket and state.");
        }

        var scratch = Directory.CreateTempSubdirectory("mmlu-slurm-").FullName;
        var cluster = new SlurmCluster(scratch, log);
        try
        {
            await cluster.StartDaemonsAsync();
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    /// <summary>Runs a Slurm client command against this cluster; returns its exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> ClientAsync(string command, params string[] args)
    {
        var (exitCode, output, error) = await ChildProcess.RunAsync(Which(command)!, args, Environment);
        return (exitCode, output + error);
    }

    /// <summary>The state of a job (e.g. PENDING, RUNNING, COMPLETED, FAILED) and its reason.</summary>
    public async Task<(string State, string Reason)> JobStateAsync(string id)
    {
        var (_, output) = await ClientAsync("scontrol", "-o", "show", "job", id);
        return (Field(output, "JobState"), Field(output, "Reason"));
    }

    public string Logs() => string.Join(
        "\n",
        Directory.GetFiles(Scratch, "*.log").Select(f => $"--- {Path.GetFileName(f)} (last lines)\n{string.Join('\n', File.ReadLines(f).TakeLast(15))}"));

    public void Dispose()
    {
        if (daemons.Count == 3)
        {
            // Jobs run under slurmstepd, which outlives slurmd: cancel them and let them end first.
            ClientAsync("scancel", "--user=root").GetAwaiter().GetResult();
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < TimeSpan.FromSeconds(30) && ClientAsync("squeue", "-h").GetAwaiter().GetResult().Output.Trim().Length > 0)
            {
                Thread.Sleep(200);
            }
        }

        foreach (var daemon in Enumerable.Reverse(daemons))
        {
            Stop(daemon);
        }

        try
        {
            Directory.Delete(Scratch, recursive: true);
        }
        catch (IOException e)
        {
            log($"could not delete {Scratch}: {e.Message}");
        }
    }

    private async Task StartDaemonsAsync()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("Slurm runs on Linux.");
        }

        var munge = Directory.CreateDirectory(Path.Combine(Scratch, "munge")).FullName;
        Directory.CreateDirectory(Path.Combine(Scratch, "state"));
        Directory.CreateDirectory(Path.Combine(Scratch, "spool"));
        // munged runs as munge and checks its socket folder: owned by munge, searchable by all, writable by none else.
        File.SetUnixFileMode(Scratch, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        await Run("chown", "munge:munge", munge);
        File.SetUnixFileMode(munge, File.GetUnixFileMode(Scratch));
        var socket = Path.Combine(munge, "munge.socket");
        Start("munged", "setpriv", "--reuid=munge", "--regid=munge", "--init-groups", Which("munged")!, "--foreground",
            $"--socket={socket}", $"--pid-file={munge}/munged.pid", $"--log-file={munge}/munged.log", $"--seed-file={munge}/munged.seed");
        await WaitUntil(() => Task.FromResult(File.Exists(socket)), "munged to create its socket");

        var host = System.Environment.MachineName;
        File.WriteAllText(Config, SlurmConf(host, socket, FreePort(), FreePort()));
        Start("slurmctld", Which("slurmctld")!, "-D", "-f", Config);
        Start("slurmd", Which("slurmd")!, "-D", "-f", Config, "-N", host);
        await WaitUntil(async () => (await ClientAsync("sinfo", "-h", "-o", "%t")).Output.Trim() == "idle", "the node to be idle");
        log($"Slurm cluster up: SLURM_CONF={Config}");
    }

    private string SlurmConf(string host, string mungeSocket, int controllerPort, int nodePort)
    {
        var s = Scratch;
        return string.Create(CultureInfo.InvariantCulture, $"""
            ClusterName=mmlu{Path.GetFileName(s).Replace("mmlu-slurm-", string.Empty, StringComparison.Ordinal).ToLowerInvariant()}
            SlurmctldHost={host}(127.0.0.1)
            SlurmctldPort={controllerPort}
            SlurmdPort={nodePort}
            SlurmUser=root
            SlurmdUser=root
            AuthType=auth/munge
            CredType=cred/munge
            AuthInfo=socket={mungeSocket}
            ProctrackType=proctrack/linuxproc
            TaskPlugin=task/none
            SelectType=select/cons_tres
            SelectTypeParameters=CR_CPU
            JobAcctGatherType=jobacct_gather/none
            AccountingStorageType=accounting_storage/none
            JobCompType=jobcomp/none
            MpiDefault=none
            ReturnToService=2
            MinJobAge=600
            StateSaveLocation={s}/state
            SlurmdSpoolDir={s}/spool
            SlurmctldPidFile={s}/slurmctld.pid
            SlurmdPidFile={s}/slurmd.pid
            SlurmctldLogFile={s}/slurmctld.log
            SlurmdLogFile={s}/slurmd.log
            NodeName={host} NodeAddr=127.0.0.1 CPUs={System.Environment.ProcessorCount} State=UNKNOWN
            PartitionName=mmlu Nodes={host} Default=YES MaxTime=INFINITE State=UP

            """);
    }

    private void Start(string name, string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["SLURM_CONF"] = Config;
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        daemons.Add(process);
        log($"started {name} (pid {process.Id})");
    }

    private void Stop(Process daemon)
    {
        if (!daemon.HasExited)
        {
            Run("kill", "-TERM", daemon.Id.ToString(CultureInfo.InvariantCulture)).GetAwaiter().GetResult();
            if (!daemon.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                daemon.Kill();
                daemon.WaitForExit();
            }
        }

        log($"stopped pid {daemon.Id} (exit {daemon.ExitCode})");
        daemon.Dispose();
    }

    private async Task WaitUntil(Func<Task<bool>> condition, string what)
    {
        // A deadline against a hung daemon, not a timing assertion.
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (daemons.FirstOrDefault(d => d.HasExited) is { } dead)
            {
                throw new InvalidOperationException($"a Slurm daemon (pid {dead.Id}) exited with {dead.ExitCode} while waiting for {what}.\n{Logs()}");
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(90))
            {
                throw new TimeoutException($"gave up waiting for {what}.\n{Logs()}");
            }

            await Task.Delay(200);
        }
    }

    private static async Task Run(string program, params string[] args)
    {
        var (exitCode, _, error) = await ChildProcess.RunAsync(program, args);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited with {exitCode}: {error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Any, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Field(string scontrol, string name) =>
        scontrol.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(f => f.StartsWith(name + "=", StringComparison.Ordinal))?[(name.Length + 1)..] ?? "?";

    /// <summary>A program on the PATH or in the sbin folders, where Debian puts the daemons.</summary>
    public static string? Which(string program) =>
        (System.Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/sbin", "/usr/bin", "/bin"])
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
