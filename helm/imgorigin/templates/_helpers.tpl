{{/* Chart name, cut to the 63 characters a label value allows. */}}
{{- define "imgorigin.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Release-qualified name for every object; the release name alone when it already holds the chart's. */}}
{{- define "imgorigin.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "imgorigin.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "imgorigin.selectorLabels" -}}
app.kubernetes.io/name: {{ include "imgorigin.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "imgorigin.labels" -}}
helm.sh/chart: {{ include "imgorigin.chart" . }}
{{ include "imgorigin.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "imgorigin.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "imgorigin.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The Secret holding the signing keys, or "" when signing is off. */}}
{{- define "imgorigin.signingSecretName" -}}
{{- if .Values.signing.existingSecret }}
{{- .Values.signing.existingSecret }}
{{- else if .Values.signing.keys }}
{{- printf "%s-signing" (include "imgorigin.fullname" .) }}
{{- end }}
{{- end }}

{{/*
Environment variable name → value for every imgorigin setting. Spring's relaxed binding reads
imgorigin.source.s3.path-style from IMGORIGIN_SOURCE_S3_PATHSTYLE: dots become underscores and
dashes disappear. Lists are comma-separated. The presets, a map whose keys are names the operator
chooses, go in SPRING_APPLICATION_JSON: a variable's name would lose their case and underscores.
*/}}
{{- define "imgorigin.configEnvMap" -}}
{{- $c := .Values.config -}}
IMGORIGIN_SOURCE_TYPE: {{ $c.source.type | toJson }}
IMGORIGIN_SOURCE_TIMEOUT: {{ $c.source.timeout | toJson }}
IMGORIGIN_SOURCE_FILESYSTEM_ROOT: {{ $c.source.filesystem.root | toJson }}
IMGORIGIN_SOURCE_S3_BUCKET: {{ $c.source.s3.bucket | toJson }}
IMGORIGIN_SOURCE_S3_PREFIX: {{ $c.source.s3.prefix | toJson }}
IMGORIGIN_SOURCE_S3_REGION: {{ $c.source.s3.region | toJson }}
IMGORIGIN_SOURCE_S3_ENDPOINT: {{ $c.source.s3.endpoint | toJson }}
IMGORIGIN_SOURCE_S3_PATHSTYLE: {{ $c.source.s3.pathStyle | toJson }}
IMGORIGIN_SOURCE_S3_MAXATTEMPTS: {{ $c.source.s3.maxAttempts | toJson }}
IMGORIGIN_SOURCE_S3_VERIFYMD5: {{ $c.source.s3.verifyMd5 | toJson }}
IMGORIGIN_LIMITS_MAXSOURCEBYTES: {{ $c.limits.maxSourceBytes | toJson }}
IMGORIGIN_LIMITS_MAXSOURCEPIXELS: {{ $c.limits.maxSourcePixels | toJson }}
IMGORIGIN_LIMITS_MAXOUTPUTDIMENSION: {{ $c.limits.maxOutputDimension | toJson }}
IMGORIGIN_LIMITS_MAXFRAMES: {{ $c.limits.maxFrames | toJson }}
IMGORIGIN_LIMITS_MAXANIMATIONPIXELS: {{ $c.limits.maxAnimationPixels | toJson }}
IMGORIGIN_LIMITS_ALLOWEDWIDTHS: {{ join "," ($c.limits.allowedWidths | default list) | toJson }}
IMGORIGIN_LIMITS_ALLOWEDHEIGHTS: {{ join "," ($c.limits.allowedHeights | default list) | toJson }}
IMGORIGIN_FORMAT_DEFAULTQUALITY: {{ $c.format.defaultQuality | toJson }}
IMGORIGIN_FORMAT_AUTO: {{ $c.format.auto | toJson }}
IMGORIGIN_FORMAT_AVIF_SPEED: {{ $c.format.avif.speed | toJson }}
IMGORIGIN_FORMAT_QUALITY_JPEG: {{ $c.format.quality.jpeg | toJson }}
IMGORIGIN_FORMAT_QUALITY_WEBP: {{ $c.format.quality.webp | toJson }}
IMGORIGIN_FORMAT_QUALITY_AVIF: {{ $c.format.quality.avif | toJson }}
IMGORIGIN_WATERMARK_KEY: {{ $c.watermark.key | toJson }}
IMGORIGIN_WATERMARK_REFRESH: {{ $c.watermark.refresh | toJson }}
IMGORIGIN_PRESETSONLY: {{ $c.presetsOnly | toJson }}
{{- with $c.presets }}
SPRING_APPLICATION_JSON: {{ dict "imgorigin" (dict "presets" .) | toJson | toJson }}
{{- end }}
IMGORIGIN_CACHE_CONTROL: {{ $c.cache.control | toJson }}
IMGORIGIN_CACHE_ERRORMAXAGE: {{ $c.cache.errorMaxAge | toJson }}
IMGORIGIN_PROCESSING_TIMEOUT: {{ $c.processing.timeout | toJson }}
IMGORIGIN_PROCESSING_THREADS: {{ $c.processing.threads | toJson }}
IMGORIGIN_PROCESSING_QUEUE: {{ $c.processing.queue | toJson }}
IMGORIGIN_PROCESSING_MEMORYWAIT: {{ $c.processing.memoryWait | toJson }}
IMGORIGIN_PROCESSING_MEMORYBUDGET: {{ $c.processing.memoryBudget | toJson }}
IMGORIGIN_PROCESSING_NATIVECODECS: {{ $c.processing.nativeCodecs | toJson }}
{{- end }}

{{/*
The container's env entries for the settings that are set. Numbers are printed as integers:
Helm reads values.yaml numbers as floats, and 50000000 must not reach Spring as 5e+07.
*/}}
{{- define "imgorigin.configEnv" -}}
{{- $env := include "imgorigin.configEnvMap" . | fromYaml }}
{{- range $name := keys $env | sortAlpha }}
{{- $value := get $env $name }}
{{- if not (kindIs "invalid" $value) }}
{{- if or (kindIs "float64" $value) (kindIs "int64" $value) (kindIs "int" $value) }}
{{- $value = $value | int64 | toString }}
{{- end }}
{{- if ne (toString $value) "" }}
- name: {{ $name }}
  value: {{ toString $value | quote }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}

{{/* Everything the container's env holds: settings, the signing keys' Secret, extraEnv. */}}
{{- define "imgorigin.containerEnv" -}}
{{- include "imgorigin.configEnv" . }}
{{- with include "imgorigin.signingSecretName" . }}
- name: IMGORIGIN_SECURITY_SIGNINGKEYS
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: {{ $.Values.signing.secretKey }}
{{- end }}
{{- with .Values.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end }}
