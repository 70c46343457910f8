import type { BoundaryCheck } from './boundary.ts';

/** Chinese for the boundary check's findings (boundary.ts), geometry types and field names as the file writes them. */
const KIND: Readonly<Record<string, (p: BoundaryCheck) => string>> = {
  noGeometry: () => '没有几何：地区边界必须是 Polygon 或 MultiPolygon',
  notGeometry: () => '不是 GeoJSON 几何',
  notArea: (p) => `${p.type === null ? '没有类型的几何' : `${p.type} `}不是边界：请给出 Polygon 或 MultiPolygon${p.type === 'Point' ? '（点应写在 centroid_lon 和 centroid_lat 列）' : ''}`,
  noCoordinates: (p) => `${p.type} 没有坐标`,
  noRings: () => '没有环',
  notRing: () => '不是坐标的列表',
  notPosition: () => '不是 [经度, 纬度] 坐标',
  notNumbers: (p) => `（${p.value}）不是一对有限数`,
  longitude: (p) => `经度 ${p.value} 超出可接受的范围 -180 至 180 度`,
  latitude: (p) => `纬度 ${p.value} 超出可接受的范围 -90 至 90 度（经度和纬度是否颠倒了？）`,
  tooFewPositions: (p) => `只有 ${p.count} 个坐标；闭合的环至少需要 4 个（最后一个重复第一个）`,
  notClosed: (p) => `没有闭合：起点为（${p.start}），终点为（${p.end}）；请在末尾重复第一个坐标`,
  noArea: () => '面积为零（各坐标位于一条直线上）',
  holesCover: () => '内环的面积不小于外环：内环不在外环之内（或环的顺序有误）',
  noCentroid: () => '多边形的面积不是正的有限数：无法确定中心点',
};

/** A finding in Chinese with where it sits ("第 2 个多边形，第 3 个环（内环）：第 4 个坐标：…"), or null for a kind unknown here. */
export function boundaryCheckZh(p: BoundaryCheck): string | null {
  const say = KIND[p.kind];
  if (!say) return null;
  return `${p.polygon !== null ? `第 ${p.polygon} 个多边形，` : ''}${p.ring !== null ? `第 ${p.ring} 个环${p.ring > 1 ? '（内环）' : ''}：` : ''}`
    + `${p.position !== null ? `第 ${p.position} 个坐标：` : ''}${say(p)}`;
}
