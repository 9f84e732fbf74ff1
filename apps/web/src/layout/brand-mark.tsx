/** The OctoProxy mark: eight arms around one hub (many accounts, one endpoint). */
export function BrandMark(props: { size?: number }) {
  const size = props.size ?? 28;
  const arms = Array.from({ length: 8 }, (_, index) => (index * 360) / 8);
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="#2f6fed" />
      {arms.map((angle) => (
        <line
          key={angle}
          x1="16"
          y1="16"
          x2="16"
          y2="5.5"
          stroke="#fff"
          strokeWidth="2.2"
          strokeLinecap="round"
          transform={`rotate(${angle} 16 16)`}
        />
      ))}
      <circle cx="16" cy="16" r="5" fill="#fff" />
      <circle cx="16" cy="16" r="2.2" fill="#2f6fed" />
    </svg>
  );
}
